package org.stroma.trial.product;

import java.time.Instant;
import java.util.Locale;
import org.stroma.trial.dosing.DosePlan;

/**
 * What happens to a product on its way from the donor to the patient's vein, each event with when and by whom.
 * {@link CustodyLedger} accepts an event only where the chain allows it.
 */
public sealed interface CustodyEvent {
    Instant at();

    String by();

    /** The event as words: "culture started", "bedside verified". */
    default String what() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** Bone marrow (or other tissue) taken from the donor — for an autologous product, the recipient. */
    record Collected(String donor, String tissue, double volumeMl, Instant at, String by) implements CustodyEvent {
    }

    /** Vials of an allogeneic lot set aside for the product. */
    record IssuedFromLot(String lot, int vials, Instant at, String by) implements CustodyEvent {
    }

    record ReceivedAtLab(Instant at, String by) implements CustodyEvent {
    }

    record CultureStarted(Instant at, String by) implements CustodyEvent {
    }

    record Passaged(int passage, Instant at, String by) implements CustodyEvent {
    }

    record Harvested(double cells, Instant at, String by) implements CustodyEvent {
    }

    /** A placebo made up for a masked arm ("human albumin 4 %"), in place of the culture. */
    record PlaceboPrepared(String composition, Instant at, String by) implements CustodyEvent {
    }

    record Tested(ReleaseTests results, Instant at, String by) implements CustodyEvent {
    }

    record Released(Instant at, String by) implements CustodyEvent {
    }

    record Rejected(String reason, Instant at, String by) implements CustodyEvent {
    }

    record Labelled(DonationNumber number, Instant at, String by) implements CustodyEvent {
    }

    record Shipped(String to, TemperatureLog temperatures, Instant at, String by) implements CustodyEvent {
    }

    /** At the bedside: the patient's identity and the product's label, both scanned, before anything is given. */
    record BedsideVerified(String patientScanned, String labelScanned, Instant at, String by) implements CustodyEvent {
    }

    /** The product given: cells, volume, route, and when the infusion started and stopped. */
    record Administered(DosePlan.Given given, Instant start, Instant stop, String by) implements CustodyEvent {
        @Override
        public Instant at() {
            return start;
        }
    }
}
