package org.stroma.server.app;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stroma.protocol.text.Words;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.DataQuery;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.FormState;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.schedule.VisitCalendar;
import org.stroma.trial.subject.Subject;

/**
 * The study's record status dashboard: a row per subject the person sees, a column per form of each scheduled visit,
 * and in each cell where the form stands. A form not yet entered once its visit's window has closed (on the site's
 * calendar) is overdue — not started, or with a query not closed — unless the subject has left the trial. Nothing in it
 * depends on an arm: every arm has the same forms on the same schedule.
 */
public record CasebookGrid(List<Column> columns, List<Row> rows) {

    /** A form of a scheduled visit. */
    public record Column(String visit, String form, String title) {
    }

    /** One subject's form at one visit. */
    public record Cell(FormState state, boolean signed, boolean overdue, int openQueries) {
        /** The state as an EDC user reads it: "not started", "incomplete", … */
        public String words() {
            return Words.of(state);
        }
    }

    /**
     * A subject: site and state, the next visit not yet done (null before the calendar starts, at the randomization)
     * with its target day and status, the queries not closed, whether the whole casebook is locked, and the cells in
     * the columns' order.
     */
    public record Row(String subject, String site, String state, String nextVisit, LocalDate nextVisitDay,
            String nextVisitStatus, int openQueries, boolean locked, List<Cell> cells) {
        public boolean overdue() {
            return cells.stream().anyMatch(Cell::overdue);
        }
    }

    static CasebookGrid of(TrialConduct t, List<Subject> subjects, Instant now) {
        Casebook book = t.casebook();
        List<Column> columns = new ArrayList<>();
        book.plan().forEach((visit, forms) -> forms.forEach(f -> columns.add(new Column(visit, f.id(), f.title()))));
        List<Row> rows = new ArrayList<>();
        for (Subject s : subjects) {
            LocalDate today = LocalDate.ofInstant(now, t.zoneOf(s.site()));
            VisitCalendar calendar = t.products(s.id()).isEmpty() ? null : t.calendar(s.id());
            List<Cell> cells = new ArrayList<>();
            for (Column c : columns) {
                FormState state = book.state(s.id(), c.visit(), c.form());
                FormRecord r = book.record(s.id(), c.visit(), c.form()).orElse(null);
                VisitCalendar.Visit v = calendar == null ? null : calendar.visit(c.visit());
                // nothing more is expected of a subject who has left the trial
                boolean late = v != null && v.closes() != null && today.isAfter(v.closes()) && !s.state().isFinal();
                cells.add(new Cell(state, r != null && r.signed(), late && (state == FormState.NOT_STARTED
                        || state == FormState.INCOMPLETE), pending(book, s.id(), c.visit(), c.form())));
            }
            VisitCalendar.Visit next = calendar == null ? null : calendar.visits().stream().filter(v -> v.done()
                    == null && v.target() != null).findFirst().orElse(null);
            rows.add(new Row(s.id(), s.site(), Words.of(s.state()), next == null ? null : next.plan().name(),
                    next == null ? null : next.target(), next == null ? null : calendar.status(next.plan().name(),
                    today).name().toLowerCase(Locale.ROOT), pending(book, s.id(), null, null), book.subjectLock(s.id())
                    != null, cells));
        }
        return new CasebookGrid(columns, rows);
    }

    private static int pending(Casebook book, String subject, String visit, String form) {
        return (int) book.queries(subject).stream().filter(q -> q.status() != DataQuery.Status.CLOSED && (visit
                == null || q.visit().equals(visit) && q.form().equals(form))).count();
    }
}
