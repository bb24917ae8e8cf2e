package org.stroma.store.study;

/** A study as listed: its registry id, title, and its latest and latest published protocol versions (0 when none). */
public record StudySummary(String id, String title, int latestVersion, int publishedVersion) {
}
