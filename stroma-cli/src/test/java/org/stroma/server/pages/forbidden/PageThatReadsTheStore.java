package org.stroma.server.pages.forbidden;

import java.sql.SQLException;
import org.stroma.store.study.StudyStore;

/** A page that asks the store itself, past the services: forbidden, kept to show the rule catches it. */
public final class PageThatReadsTheStore {
    public static String title(StudyStore studies, String study) throws SQLException {
        return studies.title(study).orElse("");
    }
}
