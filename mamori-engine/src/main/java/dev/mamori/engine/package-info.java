/** Mamori engine. */
package dev.mamori.engine;
