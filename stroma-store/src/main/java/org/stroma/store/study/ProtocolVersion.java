package org.stroma.store.study;

import java.time.Instant;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.ImportReport;

/** One version of a study's protocol, with what its import left to review and who reviewed and published it. */
public record ProtocolVersion(String study, int version, VersionState state, Protocol protocol, ImportReport report,
        Instant importedAt, String importedBy, String reviewedBy, String publishedBy) {
}
