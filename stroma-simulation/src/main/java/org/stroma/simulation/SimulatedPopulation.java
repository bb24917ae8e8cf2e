package org.stroma.simulation;

import java.util.Locale;
import org.stroma.protocol.Protocol;

/**
 * Who a trial's patients are, as far as the simulation must know to make them believable, read from the record's
 * conditions and title: whether they have ischaemic heart disease (how much angina they have), and the share of men
 * among them — which the eligibility criteria rarely say, and without which a trial of ischaemic cardiomyopathy would
 * enrol as many women as men.
 */
record SimulatedPopulation(boolean ischaemic, double maleShare) {

    static SimulatedPopulation of(Protocol protocol) {
        String about = (String.join(" ", protocol.conditions()) + " " + (protocol.identification() == null ? ""
                : protocol.identification().briefTitle())).toLowerCase(Locale.ROOT);
        // ischaemic heart disease, not its absence ("non-ischemic dilated cardiomyopathy")
        boolean ischaemic = about.replaceAll("non[- ]?ischa?emic", "").matches("(?s).*(ischem|ischaem|coronary"
                + "|angina|myocardial infarction).*");
        boolean heart = about.matches("(?s).*(heart|cardi|myocard).*");
        boolean sclerosis = about.contains("multiple sclerosis");
        // the shares such trials enrol: ischaemic cardiomyopathy mostly men, heart failure of other causes about two
        // men in three; multiple sclerosis two or three women to each man
        double men = ischaemic ? 0.85 : heart ? 0.7 : sclerosis ? 0.3 : 0.5;
        return new SimulatedPopulation(ischaemic, men);
    }
}
