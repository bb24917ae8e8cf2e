package org.stroma.trial.conduct;

import java.time.Instant;
import java.util.List;

/**
 * A product as one person sees it: its label and the steps of its chain. Those who may not know the arm see only the
 * steps every product takes (prepared, released, labelled, shipped, verified at the bedside, administered)
 * and, of the administration, the volume, route and times — never the cells, the tests, the culture or the placebo.
 */
public record ProductView(String product, String recipient, int period, String label, List<Step> steps,
        String kind, String administered) {

    /** A step of the chain: what, when, by whom, and what it recorded (for those who may see it). */
    public record Step(String what, Instant at, String by, String detail) {
    }

    public ProductView {
        steps = List.copyOf(steps);
    }
}
