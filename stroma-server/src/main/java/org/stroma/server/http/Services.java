package org.stroma.server.http;

import org.stroma.server.app.ConductService;
import org.stroma.server.app.StudyService;
import org.stroma.server.auth.Authenticator;

/** What the web layer calls: sign-in, studies, and the conduct of each study. */
public record Services(Authenticator auth, StudyService studies, ConductService conduct) {
}
