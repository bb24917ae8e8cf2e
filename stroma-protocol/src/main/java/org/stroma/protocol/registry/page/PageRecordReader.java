package org.stroma.protocol.registry.page;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Allocation;
import org.stroma.protocol.Design;
import org.stroma.protocol.Enrollment;
import org.stroma.protocol.Identification;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.MaskingInfo;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.Phase;
import org.stroma.protocol.PrimaryPurpose;
import org.stroma.protocol.SecondaryId;
import org.stroma.protocol.SecondaryIdType;
import org.stroma.protocol.StudyType;
import org.stroma.protocol.registry.IdentifierKinds;
import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.RecordReader;
import org.stroma.protocol.registry.ValueSpelling;
import org.stroma.protocol.registry.Vocabulary;

/**
 * What the page layouts share, whatever their labels look like: the title with its acronym, and the design fields a
 * page gives each under a label of its own. Pages are written for people, so their values are display text.
 */
abstract class PageRecordReader extends RecordReader {
    private static final Pattern TITLE_WITH_ACRONYM = Pattern.compile("^(.*\\S)\\s*\\(([^()\\s]{2,20})\\)$");

    /** A value found under a label, and where the label stands; both null when the page lacks the label. */
    protected interface LabelledValue {
        String value();

        String place();
    }

    /** The study's title as the page heads it, and the acronym a page prints in parentheses after it. */
    protected record Title(String title, String acronym) {
    }

    protected PageRecordReader(RecordFormat layout) {
        super(layout, ValueSpelling.DISPLAY_TEXT);
    }

    /** The title on the line given (null when the page has none), the acronym taken off its end. */
    protected Title title(PageLine line) {
        if (line == null) {
            return new Title(null, null);
        }
        String title = line.text();
        String acronym = null;
        Matcher m = TITLE_WITH_ACRONYM.matcher(title);
        if (m.matches()) {
            title = m.group(1);
            acronym = m.group(2);
            protocol.inferred("identification.acronym", line.place(),
                    "the page shows the acronym in parentheses after the title");
        }
        protocol.read("identification.briefTitle", line.place(), title);
        return new Title(title, acronym);
    }

    /**
     * The study's identification. Pages give no NCT aliases and no organization; the other identifiers, when the page
     * lists them, were read at {@code idsPlace}.
     */
    protected Identification identification(String nctId, Title title, String officialTitle, String orgStudyId,
            List<SecondaryId> secondaryIds, String idsPlace) {
        protocol.read("identification.orgStudyId", idsPlace, orgStudyId);
        protocol.read("identification.secondaryIds", idsPlace, secondaryIds);
        return new Identification(nctId, List.of(), orgStudyId, secondaryIds, null, title.title(), officialTitle,
                title.acronym());
    }

    /** An identifier other than the NCT number, of the kind the page states, or else of the kind its shape shows. */
    protected static SecondaryId secondaryId(String id, String statedKind) {
        SecondaryIdType kind = statedKind == null ? null : Vocabulary.find(SecondaryIdType.class, statedKind);
        return new SecondaryId(id, kind != null ? kind : IdentifierKinds.recognise(id), null, null);
    }

    protected OverallStatus overallStatus(LabelledValue status) {
        return values.code(OverallStatus.class, status.value(), status.place(), "status.overallStatus");
    }

    /** The design, with allocation, intervention model and purpose read from the values under their labels. */
    protected Design design(StudyType studyType, List<Phase> phases, LabelledValue allocation, LabelledValue model,
            LabelledValue modelDescription, LabelledValue purpose, MaskingInfo masking, Enrollment enrollment) {
        Allocation alloc = values.code(Allocation.class, allocation.value(), allocation.place(), "design.allocation");
        InterventionModel interventionModel = values.code(InterventionModel.class, model.value(), model.place(),
                "design.interventionModel");
        PrimaryPurpose primaryPurpose = values.code(PrimaryPurpose.class, purpose.value(), purpose.place(),
                "design.primaryPurpose");
        protocol.read("design.interventionModelDescription", modelDescription.place(), modelDescription.value());
        return new Design(studyType, phases, alloc, interventionModel, modelDescription.value(), primaryPurpose,
                masking, enrollment, null);
    }
}
