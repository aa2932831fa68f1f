/** Mamori report. */
package dev.mamori.report;
