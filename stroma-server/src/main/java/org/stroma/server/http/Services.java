package org.stroma.server.http;

import org.stroma.server.app.AnalysisPlanService;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.ExportService;
import org.stroma.server.app.RegistryService;
import org.stroma.server.app.ManufacturingService;
import org.stroma.server.app.MonitoringService;
import org.stroma.server.app.StudyService;
import org.stroma.server.auth.Authenticator;

/**
 * What the web layer calls: sign-in, studies, the conduct of each study, its manufacturing calendar, its captured data
 * and their review, its analysis plan and its exports.
 */
public record Services(Authenticator auth, StudyService studies, ConductService conduct,
        ManufacturingService manufacturing, CaptureService capture, MonitoringService monitoring,
        AnalysisPlanService plans, ExportService exports, RegistryService registry) {
}
