/** Mamori model. */
package dev.mamori.model;
