package org.stroma.trial.product;

import java.time.Instant;
import java.util.List;
import org.stroma.protocol.ScientificNotation;

/** A shipment's temperature readings and the range the product must stay in (°C). */
public record TemperatureLog(List<Reading> readings, double minCelsius, double maxCelsius) {

    public record Reading(Instant at, double celsius) {
    }

    public TemperatureLog {
        readings = List.copyOf(readings);
    }

    /** The readings outside the range. */
    public List<Reading> excursions() {
        return readings.stream().filter(r -> r.celsius() < minCelsius || r.celsius() > maxCelsius).toList();
    }

    public String describeExcursions() {
        List<Reading> out = excursions();
        return out.size() + " reading" + (out.size() == 1 ? "" : "s") + " outside " + ScientificNotation.plain(minCelsius)
                + "–" + ScientificNotation.plain(maxCelsius) + " °C (" + String.join(", ", out.stream()
                .map(r -> ScientificNotation.plain(r.celsius()) + " °C at " + r.at()).toList()) + ")";
    }
}
