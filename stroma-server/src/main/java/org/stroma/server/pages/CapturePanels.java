package org.stroma.server.pages;

import java.util.List;
import org.stroma.server.app.CaptureService;

/**
 * The subject page's data-capture panels: the forms by visit, and the subject's adverse events with, for those who
 * report them ({@code reports}), the report form.
 */
public record CapturePanels(List<CaptureService.FormStatus> forms, List<CaptureService.AdverseEventView> events,
        boolean reports) {
}
