package org.stroma.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * One eligibility criterion as written, with the criteria nested under it ("as evidenced by one or more of the
 * following: i. … ii. …"). {@code combinator} is what the criterion's own words say about its children, or null when
 * they say nothing. Ids are hierarchical: I3, I3.1, I3.1.2 for inclusion; E… for exclusion. {@code rule} is a rule a
 * study team wrote by hand in Stroma's rule language, which takes the place of the one compiled from the text (null
 * when there is none).
 */
public record Criterion(String id, CriterionKind kind, String text, Combinator combinator, List<Criterion> children,
        String rule) {
    public Criterion {
        children = Lists.copy(children);
    }

    public Criterion(String id, CriterionKind kind, String text, Combinator combinator, List<Criterion> children) {
        this(id, kind, text, combinator, children, null);
    }

    /** This criterion and every criterion nested under it, depth first. */
    public List<Criterion> flatten() {
        List<Criterion> all = new ArrayList<>();
        all.add(this);
        children.forEach(c -> all.addAll(c.flatten()));
        return all;
    }
}
