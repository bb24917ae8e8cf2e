package org.stroma.server.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.stroma.server.app.Action;
import org.stroma.server.app.CasebookGrid;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.Texts;
import org.stroma.server.auth.Principal;

/**
 * The study's subjects and their forms at a glance (an EDC's record status dashboard): a row per subject with site,
 * state, next visit and queries not closed, a cell per form of each scheduled visit coloured by its state and marked
 * when overdue, each a link to the form. The person filters by site, subject state and words of the subject's id,
 * shows only subjects with an overdue form or a query not closed, and sorts by subject, site, next visit or queries.
 */
public record CasebookPage(Principal principal, String study, CasebookGrid grid, Filter filter) {
    /** What to show first. */
    public enum Sort { SUBJECT, SITE, NEXT_VISIT, QUERIES }

    /** Which subjects to show: all, those with a form overdue, those with a query not closed. */
    public enum Show { ALL, OVERDUE, QUERIES }

    /** The page's filter, as its query string gave it; blank values filter nothing. */
    public record Filter(String site, String state, String search, Show show, Sort sort) {
        /** The filter of a query string; a value the page never offers is refused, naming its field. */
        public static Filter read(Map<String, List<String>> query) {
            return new Filter(text(query, "site"), text(query, "state"), text(query, "search"), choice(query, "show",
                    Show.class, Show.ALL), choice(query, "sort", Sort.class, Sort.SUBJECT));
        }

        private static String text(Map<String, List<String>> query, String field) {
            List<String> v = query.get(field);
            return v == null || v.isEmpty() ? "" : Texts.check(field, v.get(0).strip(), 100);
        }

        private static <E extends Enum<E>> E choice(Map<String, List<String>> query, String field, Class<E> type,
                E otherwise) {
            String v = text(query, field);
            if (v.isEmpty()) {
                return otherwise;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw RequestException.badRequest(field, "'" + Texts.shown(v) + "' is not one of " + Stream.of(type
                        .getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
            }
        }
    }

    public static String render(Principal p, String study, CasebookGrid grid, Filter filter) {
        return Templates.render("page/casebook.jte", new CasebookPage(p, study, grid, filter));
    }

    /** The rows the filter keeps, in its order. */
    public List<CasebookGrid.Row> rows() {
        Comparator<CasebookGrid.Row> bySubject = Comparator.comparing(CasebookGrid.Row::subject, SUBJECT_ORDER);
        Comparator<CasebookGrid.Row> order = switch (filter.sort()) {
            case SUBJECT -> bySubject;
            case SITE -> Comparator.comparing(CasebookGrid.Row::site).thenComparing(bySubject);
            case NEXT_VISIT -> Comparator.comparing(CasebookGrid.Row::nextVisitDay, Comparator.nullsLast(
                    Comparator.naturalOrder())).thenComparing(bySubject);
            case QUERIES -> Comparator.comparing(CasebookGrid.Row::openQueries).reversed().thenComparing(bySubject);
        };
        String search = filter.search().toLowerCase(Locale.ROOT);
        return grid.rows().stream().filter(r -> filter.site().isEmpty() || r.site().equals(filter.site()))
                .filter(r -> filter.state().isEmpty() || r.state().equals(filter.state()))
                .filter(r -> r.subject().toLowerCase(Locale.ROOT).contains(search))
                .filter(r -> filter.show() == Show.ALL || filter.show() == Show.OVERDUE && r.overdue()
                        || filter.show() == Show.QUERIES && r.openQueries() > 0)
                .sorted(order).toList();
    }

    /** Subject ids in the order people count them: S2 before S10. */
    private static final Comparator<String> SUBJECT_ORDER = Comparator.comparing((String id) -> id.replaceAll(
            "\\d+", "")).thenComparing(id -> id.replaceAll("\\D+", "").length()).thenComparing(id -> id);

    /** The sites and subject states of the whole grid, for the filter's choices. */
    public List<String> sites() {
        return grid.rows().stream().map(CasebookGrid.Row::site).distinct().sorted().toList();
    }

    public List<String> states() {
        return grid.rows().stream().map(CasebookGrid.Row::state).distinct().sorted().toList();
    }

    /** The visits in the columns' order, each with how many forms it has, for the grid's first heading row. */
    public List<Map.Entry<String, Long>> visits() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        grid.columns().forEach(c -> counts.merge(c.visit(), 1L, Long::sum));
        return List.copyOf(counts.entrySet());
    }

    public boolean may(Action action) {
        return action.allows(principal.rolesIn(study));
    }

    /** A cell's words for the colour-blind and the screen reader: "Vital signs at Month 1: unverified, overdue". */
    public static String describe(CasebookGrid.Column c, CasebookGrid.Cell cell) {
        return c.title() + " at " + c.visit() + ": " + cell.words() + (cell.signed() ? ", signed" : "")
                + (cell.openQueries() > 0 ? ", " + cell.openQueries() + " open quer" + (cell.openQueries() == 1 ? "y"
                : "ies") : "") + (cell.overdue() ? ", overdue" : "");
    }

    /** The CSS class of a state: "state-not-started". */
    public static String style(CasebookGrid.Cell cell) {
        return "cell state-" + cell.state().name().toLowerCase(Locale.ROOT).replace('_', '-') + (cell.overdue()
                ? " overdue" : "");
    }

    public static String option(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
