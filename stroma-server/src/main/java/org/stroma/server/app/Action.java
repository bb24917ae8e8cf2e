package org.stroma.server.app;

import java.util.EnumSet;
import java.util.Set;
import org.stroma.protocol.text.Words;
import org.stroma.trial.masking.Role;

/** What a person may do in a study, and the roles that may do it. */
public enum Action {
    REVIEW_PROTOCOL(EnumSet.of(Role.ADMINISTRATOR, Role.DATA_MANAGER)),
    PUBLISH_PROTOCOL(EnumSet.of(Role.ADMINISTRATOR)),
    MANAGE_SITES(EnumSet.of(Role.ADMINISTRATOR)),
    MANAGE_TEAM(EnumSet.of(Role.ADMINISTRATOR)),
    SCREEN(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR)),
    /** Answering, with a signature, the criteria a screening left open: the investigator, who answers for them. */
    CONFIRM_ELIGIBILITY(EnumSet.of(Role.INVESTIGATOR)),
    /** Putting a new consent form in force: the administrator, as the ethics committee approved it. */
    SET_CONSENT_FORM(EnumSet.of(Role.ADMINISTRATOR)),
    MOVE_SUBJECT(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR)),
    RANDOMIZE(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR)),
    /** Steps in the cell lab and the pharmacy: collection received, culture, tests, release, labels, shipping. */
    LAB_STEP(EnumSet.of(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST)),
    /** Booking collections into the lab's culture slots, setting its capacity, replacing a failed product. */
    PLAN_MANUFACTURING(EnumSet.of(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST)),
    /** Steps at the bedside: the identity and label check, the administration. */
    BEDSIDE_STEP(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR, Role.CARE_PROVIDER)),
    RECORD_VISIT(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR)),
    UNBLIND(EnumSet.of(Role.INVESTIGATOR, Role.CARE_PROVIDER)),
    /** The second person of an emergency unblinding, where the protocol asks for one. */
    APPROVE_UNBLINDING(EnumSet.of(Role.INVESTIGATOR, Role.CARE_PROVIDER, Role.DSMB)),
    /** Whether an emergency unblinding needs a second person: the protocol's rule, set by the administrator. */
    SET_UNBLINDING_RULE(EnumSet.of(Role.ADMINISTRATOR)),
    /** Entering and changing case report form data, answering queries: the site's staff. */
    ENTER_DATA(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR)),
    /** Signing a form: the investigator, who answers for the data. */
    SIGN_FORM(EnumSet.of(Role.INVESTIGATOR)),
    /** Raising, closing and re-opening queries: those who review the data. */
    REVIEW_DATA(EnumSet.of(Role.MONITOR, Role.DATA_MANAGER)),
    /** Marking a form's current version as verified against the source documents: the monitor. */
    VERIFY_SOURCE(EnumSet.of(Role.MONITOR)),
    /** Locking a form, a subject's casebook or a site's before the study's lock: the monitor and the data manager. */
    LOCK_CASEBOOK(EnumSet.of(Role.MONITOR, Role.DATA_MANAGER)),
    /** Unlocking what was locked, with a reason kept: the data manager, who answers for the data's lock. */
    UNLOCK_CASEBOOK(EnumSet.of(Role.DATA_MANAGER)),
    REPORT_ADVERSE_EVENT(EnumSet.of(Role.INVESTIGATOR, Role.COORDINATOR)),
    /** Locking the data for analysis: nothing is recorded after it. */
    LOCK_DATA(EnumSet.of(Role.DATA_MANAGER)),
    /**
     * Taking the locked, unblinded data set: the statistician once the data is locked (the blind is broken for the
     * analysis only after the lock), and the data monitoring committee.
     */
    READ_LOCKED_DATA(EnumSet.of(Role.STATISTICIAN, Role.DSMB)),
    READ_LEDGER(EnumSet.of(Role.CELL_LAB, Role.UNBLINDED_PHARMACIST, Role.DSMB)),
    /** Revising and signing the statistical analysis plan: the trial statistician, before the lock. */
    WRITE_ANALYSIS_PLAN(EnumSet.of(Role.STATISTICIAN)),
    /**
     * Exporting the study's data in a standard (ODM, SDTM, FHIR, …): those who take the whole study's data — the data
     * manager, the statistician and the data monitoring committee — each as their view of the blind allows.
     */
    EXPORT_DATA(EnumSet.of(Role.DATA_MANAGER, Role.STATISTICIAN, Role.DSMB));

    private final Set<Role> roles;

    Action(Set<Role> roles) {
        this.roles = roles;
    }

    /** The action a product step of this type is: the bedside's identity check and administration, or the lab's. */
    public static Action forStep(String type) {
        return type.equals("BedsideVerified") || type.equals("Administered") ? BEDSIDE_STEP : LAB_STEP;
    }

    /** Whether one of these roles may take this action. */
    public boolean allows(Set<Role> mine) {
        return mine.stream().anyMatch(roles::contains);
    }

    public Set<Role> roles() {
        return roles;
    }

    public String words() {
        return Words.of(this);
    }
}
