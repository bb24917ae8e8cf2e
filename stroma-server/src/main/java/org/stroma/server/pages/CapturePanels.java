package org.stroma.server.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.CasebookGrid;
import org.stroma.trial.capture.CasebookLock;

/**
 * The subject page's data-capture panels: the subject's forms as a grid of visits × forms ({@code grid}: the study's
 * dashboard with this subject's row alone), the forms by visit with the lock of the subject's whole casebook (null
 * when it is not locked), and the subject's adverse events with, for those who report them ({@code reports}), the
 * report form.
 */
public record CapturePanels(CasebookGrid grid, List<CaptureService.FormStatus> forms, CasebookLock lock,
        List<CaptureService.AdverseEventView> events, boolean reports) {

    /** The scheduled visits, in the schedule's order: the grid's columns. */
    public List<String> visits() {
        return grid.columns().stream().map(CasebookGrid.Column::visit).distinct().toList();
    }

    /** The forms of any visit, each once, in the order they first come: the grid's rows. */
    public List<CasebookGrid.Column> formRows() {
        Map<String, CasebookGrid.Column> forms = new LinkedHashMap<>();
        grid.columns().forEach(c -> forms.putIfAbsent(c.form(), c));
        return new ArrayList<>(forms.values());
    }

    /** The subject's form at a visit, or null where the visit has no such form. */
    public CasebookGrid.Cell cell(String visit, String form) {
        if (grid.rows().isEmpty()) {
            return null;
        }
        for (int i = 0; i < grid.columns().size(); i++) {
            CasebookGrid.Column c = grid.columns().get(i);
            if (c.visit().equals(visit) && c.form().equals(form)) {
                return grid.rows().get(0).cells().get(i);
            }
        }
        return null;
    }

    /** The column of a form at a visit, for the cell's words. */
    public CasebookGrid.Column column(String visit, CasebookGrid.Column form) {
        return new CasebookGrid.Column(visit, form.form(), form.title());
    }
}
