package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportSource;
import org.stroma.export.Exports;
import org.stroma.protocol.Protocol;
import org.stroma.server.auth.Principal;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.StudyStore;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.masking.Role;

/**
 * A study's data exported in a standard. A person exports as their view of the blind allows — the data manager
 * blinded while anyone is masked, the statistician unblinded once the data are locked, the DSMB always unblinded — and
 * may ask for the blinded export although they could see more. An export holds every site's subjects, so only those
 * who see every site may make one.
 */
public final class ExportService {
    private final StudyStore studies;
    private final ConductStore conduct;
    private final Clock clock;

    public ExportService(StudyStore studies, ConductStore conduct, Clock clock) {
        this.studies = studies;
        this.conduct = conduct;
        this.clock = clock;
    }

    /** An export asked for by the format's name: who may export is settled before the name is read. */
    public Export export(Principal p, String study, String format, boolean blinded) throws SQLException {
        Access.require(p, study, Action.EXPORT_DATA);
        return export(p, study, ExportFormat.of(format), blinded);
    }

    public Export export(Principal p, String study, ExportFormat format, boolean blinded) throws SQLException {
        Access.require(p, study, Action.EXPORT_DATA);
        Protocol protocol = protocol(study);
        if (p.sitesIn(study) != null) {
            throw RequestException.forbidden("an export holds the subjects of every site of " + study
                    + ", and you see only some of them");
        }
        return conduct.read(study, t -> {
            Role role = Access.viewRole(p, study, t.masking());
            return Exports.of(ExportSource.as(blinded ? blindedRole(t, role) : role, protocol, t, clock.instant()),
                    format);
        });
    }

    /**
     * An export made at the command line by whoever runs Stroma's database, who could read every arm in it anyway:
     * unblinded unless the blinded export is asked for.
     */
    public Export exportAsOperator(String study, ExportFormat format, boolean blinded) throws SQLException {
        Protocol protocol = protocol(study);
        return conduct.read(study, t -> Exports.of(blinded ? ExportSource.blinded(protocol, t, clock.instant())
                : ExportSource.unblinded(protocol, t, clock.instant()), format));
    }

    /** The role whose view is blinded: the person's own if it is, otherwise the data manager's. */
    private static Role blindedRole(TrialConduct t, Role role) {
        return t.masking().isBlinded(role) ? role : Role.DATA_MANAGER;
    }

    private Protocol protocol(String study) throws SQLException {
        ProtocolVersion v = studies.published(study).orElseThrow(() -> RequestException.notFound("study " + study
                + " has no published protocol, so nothing was conducted to export"));
        return v.protocol();
    }
}
