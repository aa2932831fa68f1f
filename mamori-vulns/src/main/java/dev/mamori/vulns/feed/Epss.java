package dev.mamori.vulns.feed;

/** The EPSS estimate that a vulnerability is exploited in the next 30 days, and its percentile. */
public record Epss(String cve, double score, double percentile) {}
