/** Mamori cli. */
package dev.mamori.cli;
