package org.stroma.trial.schedule;

import java.util.EnumSet;
import java.util.Set;
import org.stroma.protocol.CellProduct;
import org.stroma.protocol.CellType;
import org.stroma.protocol.ProductSource;

/**
 * The days from a subject's randomization to the planned administration of their product: the collection booked
 * {@link #COLLECTION_DAYS} on (the marrow aspiration, or vials issued from a lot), the culture of autologous cells (the
 * middle of the protocol's window rounded up; when the record gives none, {@link #ASSUMED_CULTURE_DAYS} for cells that
 * are expanded, none for cells used as collected), and {@link #DELIVERY_DAYS} to test, release, label and ship. Every
 * arm is planned alike, placebo included: in a masked trial the day a product is given must say nothing of what it
 * is. {@code shortestCultureDays} is the soonest a culture can end, before which a masked placebo is not released.
 */
public record ManufacturingLead(int collectionDays, int cultureDays, int shortestCultureDays, int deliveryDays,
        boolean cultureAssumed) {
    public static final int COLLECTION_DAYS = 2;
    public static final int DELIVERY_DAYS = 3;
    /** An expansion of about three weeks, usual for autologous MSC, where the record states no culture window. */
    public static final int ASSUMED_CULTURE_DAYS = 21;
    /** Cells given as they were collected or separated, without an expansion in culture. */
    private static final Set<CellType> NOT_CULTURED = EnumSet.of(CellType.MONONUCLEAR,
            CellType.HEMATOPOIETIC_PROGENITOR, CellType.STROMAL_VASCULAR_FRACTION);

    public static ManufacturingLead of(CellProduct product) {
        if (product == null || product.source() == ProductSource.ALLOGENEIC || NOT_CULTURED.contains(
                product.cellType())) {
            return new ManufacturingLead(COLLECTION_DAYS, 0, 0, DELIVERY_DAYS, false);
        }
        if (product.cultureDays() == null) {
            return new ManufacturingLead(COLLECTION_DAYS, ASSUMED_CULTURE_DAYS, ASSUMED_CULTURE_DAYS - 2,
                    DELIVERY_DAYS, true);
        }
        double middle = product.cultureDays().nominal() != null ? product.cultureDays().nominal()
                : (product.cultureDays().low() + product.cultureDays().high()) / 2;
        return new ManufacturingLead(COLLECTION_DAYS, (int) Math.ceil(middle), (int) Math.floor(
                product.cultureDays().low()), DELIVERY_DAYS, false);
    }

    public int totalDays() {
        return collectionDays + cultureDays + deliveryDays;
    }

    /** The plan in words, for the study team to confirm: "2 days to the collection, a 17-day culture, 3 to deliver". */
    public String describe() {
        return collectionDays + " days to the collection, " + (cultureDays > 0 ? "a " + cultureDays + "-day culture"
                + (cultureAssumed ? " (assumed: the record states none)" : "") + ", " : "no culture, ")
                + deliveryDays + " days to test, release and deliver";
    }
}
