package org.stroma.protocol.registry;

import java.util.List;
import org.stroma.protocol.Arm;
import org.stroma.protocol.Contact;
import org.stroma.protocol.Design;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Intervention;
import org.stroma.protocol.Link;
import org.stroma.protocol.Location;
import org.stroma.protocol.Official;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Provenance;
import org.stroma.protocol.Reference;
import org.stroma.protocol.Sponsorship;
import org.stroma.protocol.StudyStatus;

/**
 * A protocol assembled part by part as a record is read, with the origin of each field. Each part is set by name, in
 * whatever order the format gives it; a part no setter gave is absent (null, or an empty list). The origins are
 * collected alongside: a field read where the record states it, inferred with a note saying how, or missing.
 */
public final class ProtocolBuilder {
    private final Provenance.Builder provenance;
    private Identification identification;
    private StudyStatus status;
    private Sponsorship sponsorship;
    private String briefSummary;
    private String detailedDescription;
    private List<String> conditions;
    private List<String> keywords;
    private Design design;
    private List<Arm> arms;
    private List<Intervention> interventions;
    private List<Outcome> outcomes;
    private Eligibility eligibility;
    private List<Contact> centralContacts;
    private List<Official> overallOfficials;
    private List<Location> locations;
    private List<Reference> references;
    private List<Link> links;

    /** @param format the format or page layout the record is read from, as its provenance names it */
    public ProtocolBuilder(String format) {
        this.provenance = Provenance.builder(format);
    }

    /** Records that a field was read at {@code source}, if it has a value; a null value is left unrecorded. */
    public ProtocolBuilder read(String field, String source, Object value) {
        provenance.read(field, source, value);
        return this;
    }

    /** Records that a field's value took reasoning; the note says which, for the person who reviews the import. */
    public ProtocolBuilder inferred(String field, String source, String note) {
        provenance.inferred(field, source, note);
        return this;
    }

    public ProtocolBuilder missing(String field, String note) {
        provenance.missing(field, note);
        return this;
    }

    public ProtocolBuilder identification(Identification value) {
        identification = value;
        return this;
    }

    public ProtocolBuilder status(StudyStatus value) {
        status = value;
        return this;
    }

    public ProtocolBuilder sponsorship(Sponsorship value) {
        sponsorship = value;
        return this;
    }

    public ProtocolBuilder briefSummary(String value) {
        briefSummary = value;
        return this;
    }

    public ProtocolBuilder detailedDescription(String value) {
        detailedDescription = value;
        return this;
    }

    public ProtocolBuilder conditions(List<String> value) {
        conditions = value;
        return this;
    }

    public ProtocolBuilder keywords(List<String> value) {
        keywords = value;
        return this;
    }

    public ProtocolBuilder design(Design value) {
        design = value;
        return this;
    }

    public ProtocolBuilder arms(List<Arm> value) {
        arms = value;
        return this;
    }

    public ProtocolBuilder interventions(List<Intervention> value) {
        interventions = value;
        return this;
    }

    public ProtocolBuilder outcomes(List<Outcome> value) {
        outcomes = value;
        return this;
    }

    public ProtocolBuilder eligibility(Eligibility value) {
        eligibility = value;
        return this;
    }

    public ProtocolBuilder centralContacts(List<Contact> value) {
        centralContacts = value;
        return this;
    }

    public ProtocolBuilder overallOfficials(List<Official> value) {
        overallOfficials = value;
        return this;
    }

    public ProtocolBuilder locations(List<Location> value) {
        locations = value;
        return this;
    }

    public ProtocolBuilder references(List<Reference> value) {
        references = value;
        return this;
    }

    public ProtocolBuilder links(List<Link> value) {
        links = value;
        return this;
    }

    /** The protocol as the record states it, before its free text is read. */
    public Protocol build() {
        return new Protocol(identification, status, sponsorship, briefSummary, detailedDescription, conditions,
                keywords, design, arms, interventions, outcomes, eligibility, centralContacts, overallOfficials,
                locations, references, links, provenance.build());
    }
}
