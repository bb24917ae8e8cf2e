package org.stroma.server.pages;

import java.util.List;
import org.stroma.server.app.CaptureService;
import org.stroma.trial.capture.CasebookLock;

/**
 * The subject page's data-capture panels: the forms by visit with the lock of the subject's whole casebook (null when
 * it is not locked), and the subject's adverse events with, for those who report them ({@code reports}), the report
 * form.
 */
public record CapturePanels(List<CaptureService.FormStatus> forms, CasebookLock lock,
        List<CaptureService.AdverseEventView> events, boolean reports) {
}
