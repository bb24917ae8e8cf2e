package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductEvent;
import org.stroma.store.conduct.ConductStore;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.masking.Role;
import org.stroma.trial.product.ManufacturingCalendar;
import org.stroma.trial.product.ProductStage;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.schedule.ManufacturingLead;
import org.stroma.trial.subject.Subject;

/**
 * The manufacturing calendar: the cell lab's culture slots, the collections booked into them and the administrations
 * planned from them, the products waiting for a booking or a replacement, and each product's vein-to-vein time. Nothing
 * in it tells a product's contents: every arm is booked alike. Site staff see their sites' subjects only.
 */
public final class ManufacturingService {
    /** How many days of slots the calendar shows ahead. */
    static final int DAYS_SHOWN = 42;
    private final ConductStore conduct;
    private final Clock clock;

    public ManufacturingService(ConductStore conduct, Clock clock) {
        this.conduct = conduct;
        this.clock = clock;
    }

    /**
     * A product as the calendar lists it: its subject and site, where it stands (in the words the person may read), its
     * booked collection and planned administration (null before a booking), its vein-to-vein time once given; and for
     * the cell lab only, the last day its slot is held and the day it was given back (a failed release), whether it
     * can still be booked (not collected yet) with the first day its culture would find a slot, and whether it failed
     * release and waits for a replacement. What the lab alone sees would tell a blinded person when a product failed,
     * and the lab's pace, which differs between cells and placebo.
     */
    public record ProductRow(String product, String subject, String site, String stage, LocalDate collection,
            LocalDate administration, Long veinToVeinDays, LocalDate slotUntil, LocalDate freedOn, boolean bookable,
            LocalDate firstFree, boolean needsReplacement) {
    }

    /** One day of the lab's slots: held of capacity. */
    public record Day(LocalDate day, int held, int capacity) {
    }

    /**
     * The calendar as one person sees it: the lab's capacity (and whether it was set or assumed), the culture and
     * delivery days from the protocol, the products of the subjects they see, the slots day by day from {@code today}
     * (for the cell lab only: a slot given back early tells when a product failed), and the median vein-to-vein time
     * of the products given (null before any).
     */
    public record View(int capacity, boolean capacitySet, String lead, LocalDate today, List<ProductRow> products,
            List<Day> days, Double medianVeinToVeinDays) {
    }

    public View view(Principal p, String study) throws SQLException {
        Access.member(p, study);
        Instant now = clock.instant();
        return conduct.read(study, t -> {
            Role role = Access.viewRole(p, study, t.masking());
            boolean plans = Action.PLAN_MANUFACTURING.allows(p.rolesIn(study));
            ManufacturingCalendar calendar = t.manufacturing();
            ManufacturingLead lead = ManufacturingLead.of(t.design().product());
            LocalDate today = LocalDate.ofInstant(now, labZone(t));
            List<ProductRow> rows = new ArrayList<>();
            List<Long> given = new ArrayList<>();
            for (Subject s : t.subjects()) {
                if (!p.seesSite(study, s.site())) {
                    continue;
                }
                for (String id : t.products(s.id())) {
                    ProductView view = t.productView(id, role, p.username());
                    ManufacturingCalendar.Booking b = calendar.booking(id).orElse(null);
                    ProductStage stage = t.stage(id);
                    Long v2v = t.veinToVeinDays(id);
                    if (v2v != null) {
                        given.add(v2v);
                    }
                    // a product not collected yet: the first day its culture would find a slot (told to the lab only:
                    // when a product leaves its order is the lab's pace, which differs between cells and placebo)
                    boolean bookable = plans && stage == ProductStage.ORDERED;
                    LocalDate free = bookable ? calendar.firstFree(today, lead.cultureDays(), id).orElse(null) : null;
                    rows.add(new ProductRow(id, s.id(), s.site(), view.status(), b == null ? null : b.collection(),
                            b == null ? null : b.administration(), v2v, b == null || !plans ? null : b.slotEnds()
                            .minusDays(1), b == null || !plans ? null : b.freedOn(), bookable, free, plans
                            && stage == ProductStage.REJECTED && !t.replaced(id)));
                }
            }
            List<Day> days = new ArrayList<>();
            for (int i = 0; plans && i < DAYS_SHOWN; i++) {
                LocalDate day = today.plusDays(i);
                days.add(new Day(day, calendar.occupied(day), calendar.capacity()));
            }
            return new View(calendar.capacity(), calendar.capacitySet(), lead.describe(), today, rows, days,
                    median(given));
        });
    }

    /** The lab's calendar is kept in the days of the study's first site as listed, or in UTC before it has one. */
    private static ZoneId labZone(TrialConduct t) {
        return t.design().sites().isEmpty() ? ZoneOffset.UTC : t.zoneOf(t.design().sites().get(0));
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Sets how many cultures the lab runs at once, from today on. */
    public void setCapacity(Principal p, String study, Integer cultures) throws SQLException {
        Access.require(p, study, Action.PLAN_MANUFACTURING);
        if (cultures == null) {
            throw RequestException.badRequest("cultures", "say how many cultures the lab runs at once");
        }
        Instant now = clock.instant();
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            LocalDate today = LocalDate.ofInstant(now, labZone(t));
            t.setCultureCapacity(cultures, today);
            return new ConductEvent.CultureCapacitySet(cultures, today, now, p.username());
        }), "cultures");
    }

    /** Books a product's collection on a day; returns the booking, with the administration it plans. */
    public ManufacturingCalendar.Booking book(Principal p, String study, String product, LocalDate day)
            throws SQLException {
        Access.require(p, study, Action.PLAN_MANUFACTURING);
        if (day == null) {
            throw RequestException.badRequest("day", "choose the collection's day");
        }
        String subject = recipient(p, study, product);
        Instant now = clock.instant();
        ManufacturingCalendar.Booking[] booked = new ManufacturingCalendar.Booking[1];
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            booked[0] = t.bookCollection(product, day, p.username(), now);
            return new ConductEvent.CollectionBooked(subject, product, day, now, p.username());
        }), "day");
        return booked[0];
    }

    /** Orders a replacement of a product that failed release; returns the new product's id. */
    public String replace(Principal p, String study, String product) throws SQLException {
        Access.require(p, study, Action.PLAN_MANUFACTURING);
        String subject = recipient(p, study, product);
        Instant now = clock.instant();
        String[] id = new String[1];
        Recording.refusing(() -> conduct.record(study, p.username(), t -> {
            id[0] = t.replaceProduct(product, now);
            return new ConductEvent.ProductReplaced(subject, product, now, p.username());
        }), "product");
        return id[0];
    }

    /** The subject a product is for, when the person sees them; any other product is not found. */
    private String recipient(Principal p, String study, String product) throws SQLException {
        if (product == null || product.isBlank()) {
            throw RequestException.badRequest("product", "choose the product");
        }
        return conduct.read(study, t -> {
            try {
                String of = t.recipientOf(product);
                if (Access.sees(p, study, t, of)) {
                    return of;
                }
            } catch (InvalidInputException e) {
                // said below, as for a product of a subject the person does not see
            }
            throw RequestException.badRequest("product", "no product " + Texts.shown(product) + " in study " + study);
        });
    }
}
