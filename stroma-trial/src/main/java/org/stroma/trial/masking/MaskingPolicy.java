package org.stroma.trial.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stroma.protocol.MaskedParty;

/**
 * Decides, for a trial, who may know a subject's arm. The protocol's masked parties blind the matching roles:
 * participant; investigator (and the site's coordinator, who works for them); care provider (and the coordinator);
 * outcomes assessor. While anyone is masked, the sponsor's monitors, data managers and administrators are blinded too,
 * and the statistician until the data are locked. The cell lab, the unblinded pharmacist and the DSMB always know. An
 * emergency unblinding reveals one subject's arm to the one person who asked.
 */
public final class MaskingPolicy {
    private final Set<MaskedParty> masked;
    private boolean locked;
    private final List<EmergencyUnblinding> unblindings = new ArrayList<>();

    public MaskingPolicy(Set<MaskedParty> masked) {
        this.masked = Set.copyOf(masked);
    }

    public synchronized boolean isBlinded(Role role) {
        if (masked.isEmpty()) {
            return false;
        }
        return switch (role) {
            case PARTICIPANT -> masked.contains(MaskedParty.PARTICIPANT);
            case INVESTIGATOR -> masked.contains(MaskedParty.INVESTIGATOR);
            case COORDINATOR -> masked.contains(MaskedParty.INVESTIGATOR) || masked.contains(MaskedParty.CARE_PROVIDER);
            case CARE_PROVIDER -> masked.contains(MaskedParty.CARE_PROVIDER);
            case OUTCOMES_ASSESSOR -> masked.contains(MaskedParty.OUTCOMES_ASSESSOR);
            case MONITOR, DATA_MANAGER, ADMINISTRATOR -> true;
            case STATISTICIAN -> !locked;
            case CELL_LAB, UNBLINDED_PHARMACIST, DSMB -> false;
        };
    }

    /** Whether this person, in this role, may know this subject's arm. */
    public synchronized boolean mayKnowArm(Role role, String person, String subject) {
        return !isBlinded(role) || unblindings.stream().anyMatch(u -> u.subject().equals(subject)
                && u.requestedBy().equals(person));
    }

    /** The data are locked: the statistician is unblinded for the analysis. */
    public synchronized void lock() {
        locked = true;
    }

    /** Records an emergency unblinding; only a role that cares for the patient may ask. */
    public synchronized EmergencyUnblinding unblind(EmergencyUnblinding request) {
        if (!(request.role() == Role.INVESTIGATOR || request.role() == Role.CARE_PROVIDER)) {
            throw new IllegalArgumentException("an emergency unblinding is asked by the investigator or the treating"
                    + " physician, not by the " + request.role().name().toLowerCase().replace('_', ' '));
        }
        unblindings.add(request);
        return request;
    }

    /** Every emergency unblinding so far, for the report. */
    public synchronized List<EmergencyUnblinding> unblindings() {
        return List.copyOf(unblindings);
    }
}
