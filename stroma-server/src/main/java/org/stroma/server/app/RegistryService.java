package org.stroma.server.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.stroma.protocol.Protocol;
import org.stroma.search.RegistryIndex;
import org.stroma.search.TrialHit;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.StudyStore;

/**
 * The registry beside the studies: the trials related to a study, from the registry index {@code stroma registry
 * index} builds (in the home folder, {@code registry/}). The index is read only here and what a new import commits
 * is seen at the next request. Without an index, a study has no related trials, and the page says how to build one.
 */
public final class RegistryService {
    private static final int RELATED = 5;

    private final StudyStore studies;
    private final RegistryIndex index;

    /**
     * A study's related trials: whether there is a registry index to find them in, and why they cannot be shown when
     * the index cannot be read ({@code unavailable}; null otherwise) — the rest of the study's page is shown regardless.
     */
    public record Related(boolean indexed, List<TrialHit> trials, String unavailable) {
    }

    public RegistryService(StudyStore studies, Path folder) {
        this.studies = studies;
        try {
            this.index = folder == null ? null : RegistryIndex.reading(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Related related(Principal p, String study) throws SQLException {
        Access.member(p, study);
        Protocol protocol = studies.published(study).map(ProtocolVersion::protocol).orElse(null);
        if (protocol == null) {
            List<ProtocolVersion> versions = studies.versions(study);
            protocol = versions.isEmpty() ? null : versions.get(versions.size() - 1).protocol();
        }
        try {
            if (index == null || !index.exists()) {
                return new Related(false, List.of(), null);
            }
            return new Related(true, protocol == null ? List.of() : index.related(protocol, RELATED), null);
        } catch (IOException | RuntimeException e) {
            return new Related(true, List.of(), "the registry index cannot be read (" + e.getMessage() + ")");
        }
    }
}
