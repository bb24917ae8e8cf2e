package org.stroma.server.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
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

    /** A study's related trials, and whether there is a registry index to find them in. */
    public record Related(boolean indexed, List<TrialHit> trials) {
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
        try {
            if (index == null || !index.exists()) {
                return new Related(false, List.of());
            }
            List<ProtocolVersion> versions = studies.versions(study);
            if (versions.isEmpty()) {
                return new Related(true, List.of());
            }
            return new Related(true, index.related(versions.get(versions.size() - 1).protocol(), RELATED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
