package org.stroma.server.pages;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stroma.server.app.Action;
import org.stroma.server.app.ManufacturingService;
import org.stroma.server.auth.Principal;

/**
 * The manufacturing calendar: the lab's culture slots week by week, each product with its booked collection, the end
 * of its culture and its planned administration, a booking form (with the first day that has a slot) for a product
 * not booked yet and a replacement for one that failed release, and the vein-to-vein times. {@code error} says why the
 * last booking was refused (null for none).
 */
public record ManufacturingPage(Principal principal, String study, ManufacturingService.View view, String error) {

    public static String render(Principal p, String study, ManufacturingService.View view, String error) {
        return Templates.render("page/manufacturing.jte", new ManufacturingPage(p, study, view, error));
    }

    /** Whether the person books collections, sets the capacity and replaces products: the cell lab. */
    public boolean plans() {
        return Action.PLAN_MANUFACTURING.allows(principal.rolesIn(study));
    }

    /** The days shown, in weeks from Monday; days before the first shown are null. */
    public List<List<ManufacturingService.Day>> weeks() {
        List<List<ManufacturingService.Day>> weeks = new ArrayList<>();
        List<ManufacturingService.Day> week = new ArrayList<>();
        int lead = view.days().isEmpty() ? 0 : view.days().get(0).day().getDayOfWeek().getValue() - 1;
        for (int i = 0; i < lead; i++) {
            week.add(null);
        }
        for (ManufacturingService.Day d : view.days()) {
            week.add(d);
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            weeks.add(week);
        }
        return weeks;
    }

    public static List<String> weekdays() {
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            names.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return names;
    }

    /** A day's slots as the calendar writes them, "3 of 4", and its CSS class: full days stand out. */
    public static String slots(ManufacturingService.Day d) {
        return d.held() + " of " + d.capacity();
    }

    public static String style(ManufacturingService.Day d) {
        return d.held() >= d.capacity() ? "slots-full" : d.held() > 0 ? "slots-some" : "slots-free";
    }

    public static String day(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
