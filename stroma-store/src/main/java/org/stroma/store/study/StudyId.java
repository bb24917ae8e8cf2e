package org.stroma.store.study;

import java.util.regex.Pattern;

/**
 * A study is kept under its registry number, NCT and eight digits: nothing else is one. An id is held to this where a
 * study is created and where one is asked for, so that no other text — a path, a control character — is ever taken
 * for a study's id.
 */
public final class StudyId {
    private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

    private StudyId() {
    }

    public static boolean valid(String id) {
        return id != null && NCT.matcher(id).matches();
    }
}
