package org.stroma.trial.masking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stroma.protocol.MaskedParty;
import org.stroma.protocol.text.Words;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * Decides, for a trial, who may know a subject's arm. The protocol's masked parties blind the matching roles:
 * participant; investigator (and the site's coordinator, who works for them); care provider (and the coordinator);
 * outcomes assessor. While anyone is masked, the sponsor's monitors, data managers and administrators are blinded too,
 * and the statistician until the data are locked. The cell lab, the unblinded pharmacist and the DSMB always know. An
 * emergency unblinding reveals one subject's arm to the one person who asked — at once, or, where the trial asks for
 * a second person, once another investigator, treating physician or the DSMB approves.
 */
public final class MaskingPolicy {
    /** Who may ask for an emergency unblinding: those who care for the patient. */
    private static final Set<Role> MAY_ASK = EnumSet.of(Role.INVESTIGATOR, Role.CARE_PROVIDER);
    /** Who may be the second person: another carer, or the DSMB, who knows the arms already. */
    private static final Set<Role> MAY_APPROVE = EnumSet.of(Role.INVESTIGATOR, Role.CARE_PROVIDER, Role.DSMB);

    private final Set<MaskedParty> masked;
    private boolean locked;
    private boolean secondPersonRequired;
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
        return !isBlinded(role) || unblindings.stream().anyMatch(u -> u.granted() && u.subject().equals(subject)
                && u.requestedBy().equals(person));
    }

    /** The data are locked: the statistician is unblinded for the analysis. */
    public synchronized void lock() {
        locked = true;
    }

    /** Whether an emergency unblinding waits for a second person's approval (the protocol's choice). */
    public synchronized boolean secondPersonRequired() {
        return secondPersonRequired;
    }

    public synchronized void requireSecondPerson(boolean required) {
        secondPersonRequired = required;
    }

    /** A new request for an emergency unblinding, numbered U1, U2, …, under the trial's rule of the moment. */
    public synchronized EmergencyUnblinding request(String subject, String person, Role role, String reason,
            Instant at) {
        return unblind(new EmergencyUnblinding("U" + (unblindings.size() + 1), subject, person, role, reason, at,
                secondPersonRequired, null, null));
    }

    /** Records an emergency unblinding (a new request, or one kept in a store); only a carer may ask. */
    public synchronized EmergencyUnblinding unblind(EmergencyUnblinding request) {
        if (!MAY_ASK.contains(request.role())) {
            throw new InvalidInputException("an emergency unblinding is asked by the investigator or the treating"
                    + " physician, not by the " + Words.of(request.role()));
        }
        unblindings.add(request);
        return request;
    }

    /** A second person approves a request: someone other than who asked, a carer or the DSMB. */
    public synchronized EmergencyUnblinding approve(String id, String person, Role role, Instant at) {
        int i = indexOf(id);
        EmergencyUnblinding u = unblindings.get(i);
        if (!u.needsSecondPerson() || u.approvedBy() != null) {
            throw new ConflictException("emergency unblinding " + id + " awaits no approval");
        }
        if (u.requestedBy().equals(person)) {
            throw new InvalidInputException("the second person is someone other than who asked");
        }
        if (!MAY_APPROVE.contains(role)) {
            throw new InvalidInputException("an emergency unblinding is approved by another investigator, a"
                    + " treating physician or the DSMB, not by the " + Words.of(role));
        }
        EmergencyUnblinding approved = u.approved(person, at);
        unblindings.set(i, approved);
        return approved;
    }

    private int indexOf(String id) {
        for (int i = 0; i < unblindings.size(); i++) {
            if (unblindings.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new InvalidInputException("no emergency unblinding " + id);
    }

    /** Every emergency unblinding so far, granted or awaiting approval. */
    public synchronized List<EmergencyUnblinding> unblindings() {
        return List.copyOf(unblindings);
    }
}
