package org.stroma.server.app;

import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.protocol.text.Words;
import org.stroma.server.auth.Principal;
import org.stroma.store.StaleException;
import org.stroma.store.conduct.ConductStore;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.StudyStore;
import org.stroma.store.study.StudyId;
import org.stroma.store.study.StudySummary;
import org.stroma.store.user.Membership;
import org.stroma.store.user.TeamMember;
import org.stroma.store.user.User;
import org.stroma.store.user.UserStore;
import org.stroma.trial.conduct.TrialConduct;
import org.stroma.trial.design.Assumption;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.masking.MaskingPolicy;
import org.stroma.trial.masking.Role;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.subject.Subject;
import org.stroma.trial.subject.SubjectState;
import org.stroma.trial.refusal.InvalidInputException;

/** Studies and their protocol versions: import a registry record, review what it left open, publish, add sites. */
public final class StudyService {
    private final StudyStore studies;
    private final UserStore users;
    private final ConductStore conduct;
    private final Clock clock;

    public StudyService(StudyStore studies, UserStore users, ConductStore conduct, Clock clock) {
        this.studies = studies;
        this.users = users;
        this.conduct = conduct;
        this.clock = clock;
    }

    /** The studies a person has a role in (and, for those who create studies, every study). */
    public List<StudySummary> studies(Principal p) throws SQLException {
        return studies.studies().stream().filter(s -> p.createsStudies() || p.isMemberOf(s.id())).toList();
    }

    /**
     * Imports each trial of a registry record as the next protocol version of its study. A new study is created for
     * a person who creates studies, who becomes its administrator; a new version of an existing study needs its
     * administrator.
     */
    public List<ProtocolVersion> importRecord(Principal p, String name, byte[] content) throws SQLException {
        Texts.check("name", name, 255);
        List<ImportedRecord> records;
        try {
            records = new RegistryImporter().read(content);
        } catch (RecordFormatException e) {
            throw RequestException.badRequest("record", name + ": " + e.getMessage());
        }
        List<ProtocolVersion> versions = new ArrayList<>();
        for (ImportedRecord r : records) {
            String id = r.protocol().identification().nctId();
            if (id == null) {
                throw RequestException.badRequest("record", name + ": the record has no NCT number");
            }
            if (!StudyId.valid(id)) {
                throw RequestException.badRequest("record", name + ": '" + Texts.shown(id) + "' is not an NCT number"
                        + " (NCT and eight digits); a study is kept under its registry number");
            }
            Texts.storable("record", name, r.protocol());
            boolean exists = studies.title(id).isPresent();
            if (exists && !p.rolesIn(id).contains(Role.ADMINISTRATOR)) {
                throw RequestException.forbidden("study " + id + " exists; only its administrator imports a new"
                        + " version");
            }
            if (!exists && !p.createsStudies()) {
                throw RequestException.forbidden("you may not create studies");
            }
            versions.add(studies.importProtocol(p.username(), r.protocol(), r.report()));
            if (!exists) {
                users.grant(p.username(), p.username(), new Membership(id, Role.ADMINISTRATOR, null), null,
                        clock.instant());
            }
        }
        return versions;
    }

    public List<ProtocolVersion> versions(Principal p, String study) throws SQLException {
        Access.member(p, study);
        return studies.versions(study);
    }

    public ProtocolVersion version(Principal p, String study, int version) throws SQLException {
        Access.member(p, study);
        return studies.version(study, version).orElseThrow(() -> RequestException.notFound("study " + study
                + " has no version " + version));
    }

    public ProtocolVersion review(Principal p, String study, int version) throws SQLException {
        Access.require(p, study, Action.REVIEW_PROTOCOL);
        return studies.review(p.username(), study, version);
    }

    public ProtocolVersion publish(Principal p, String study, int version) throws SQLException {
        Access.require(p, study, Action.PUBLISH_PROTOCOL);
        requireTeamOnOneSide(study, version(p, study, version));
        ProtocolVersion v;
        try {
            v = studies.publish(p.username(), study, version);
        } catch (InvalidInputException e) {
            // a protocol Stroma cannot run as it stands (no arm to allocate to): the record needs correcting first
            throw RequestException.conflict(study + " version " + version + " cannot be published: " + e.getMessage());
        }
        conduct.forget(study);
        return v;
    }

    public List<String> addSites(Principal p, String study, List<String> names) throws SQLException {
        Access.require(p, study, Action.MANAGE_SITES);
        List<String> added = studies.addSites(p.username(), study, names);
        conduct.forget(study);
        return added;
    }

    /** A study's team: its version (what a change is made from) and everyone with a role in it. */
    public record Team(int version, List<TeamMember> members) {
    }

    /** Sets the time zone a site keeps (its days: visits, consents, reporting clocks); the administrator's. */
    public String setSiteZone(Principal p, String study, String site, String zone) throws SQLException {
        Access.require(p, study, Action.MANAGE_SITES);
        if (site == null || !studies.sites(study).contains(site.strip())) {
            throw RequestException.badRequest("site", study + " has no site '" + Texts.shown(site == null ? "" : site)
                    + "'; its sites are " + studies.sites(study));
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone == null ? "" : zone.strip());
        } catch (DateTimeException e) {
            throw RequestException.badRequest("zone", "'" + Texts.shown(zone == null ? "" : zone) + "' is not a time"
                    + " zone (Europe/Paris, America/Chicago, UTC)");
        }
        // a site's days are fixed once it has subjects: its visits, consents and clocks were counted in its zone
        if (studies.published(study).isPresent() && conduct.read(study, t -> t.subjects().stream().anyMatch(
                s -> s.site().equals(site.strip())))) {
            throw RequestException.conflict("site '" + site.strip() + "' has subjects already: their days were"
                    + " counted in its time zone, which stays " + conduct.read(study, t -> t.zoneOf(site.strip())));
        }
        studies.setSiteZone(p.username(), study, site.strip(), id);
        conduct.forget(study);
        return id.getId();
    }

    /** Everyone with a role in the study; the administrator's list. */
    public Team team(Principal p, String study) throws SQLException {
        Access.require(p, study, Action.MANAGE_TEAM);
        return new Team(users.teamVersion(study).version(), users.team(study));
    }

    /**
     * Gives a person a role in the study, at one of its sites or (site empty) at all of them. Participants are not
     * users, so that role is not given.
     */
    public TeamMember grant(Principal p, String study, String username, String role, String site, Integer version)
            throws SQLException {
        Access.require(p, study, Action.MANAGE_TEAM);
        Versions.required(version, "the team");
        User user = users.user(username == null ? "" : username.strip()).orElseThrow(() -> RequestException.badRequest(
                "username", "no user named '" + username + "'"));
        Role r = grantableRole(role);
        String at = site == null || site.isBlank() ? null : site.strip();
        if (at != null && !studies.sites(study).contains(at)) {
            throw RequestException.badRequest("site", study + " has no site '" + at + "'; its sites are "
                    + studies.sites(study));
        }
        Membership m = new Membership(study, r, at);
        requireOneSideOfTheBlind(study, user.username(), r);
        if (users.memberships(user.username()).contains(m)) {
            throw RequestException.conflict(user.username() + " already is " + Words.of(r)
                    + (at == null ? "" : " at " + at) + " in " + study);
        }
        try {
            users.grant(p.username(), user.username(), m, version, clock.instant());
        } catch (StaleException e) {
            throw Versions.stale("the team of " + study, version, e);
        }
        return new TeamMember(user.username(), user.displayName(), r, at);
    }

    /**
     * Nobody is on both sides of the blind: a person who holds a role the trial's masking blinds is not given one that
     * knows the arms (the cell lab, the unblinded pharmacist, the DSMB), nor the reverse. Otherwise whoever manages the
     * team could unblind anyone, themselves included. A person changes sides only by giving up every role of the
     * other side first, each change kept in the audit ledger.
     */
    private void requireOneSideOfTheBlind(String study, String username, Role role) throws SQLException {
        List<ProtocolVersion> versions = studies.versions(study);
        if (versions.isEmpty()) {
            return;
        }
        MaskingPolicy masking = masking(versions.get(versions.size() - 1));
        boolean blinded = masking.isBlinded(role);
        for (Membership held : users.memberships(username)) {
            if (held.study().equals(study) && masking.isBlinded(held.role()) != blinded) {
                throw RequestException.conflict(username + " is " + Words.of(held.role()) + " in " + study + ", a role"
                        + (blinded ? " that knows the arms" : " the masking blinds") + "; nobody is on both sides of the"
                        + " blind: take that role away first");
            }
        }
    }

    /** Publishing a version whose masking would put someone of the team on both sides of the blind is refused. */
    private void requireTeamOnOneSide(String study, ProtocolVersion version) throws SQLException {
        MaskingPolicy masking = masking(version);
        Map<String, List<Role>> byPerson = new LinkedHashMap<>();
        users.team(study).forEach(m -> byPerson.computeIfAbsent(m.username(), k -> new ArrayList<>()).add(m.role()));
        for (Map.Entry<String, List<Role>> e : byPerson.entrySet()) {
            if (e.getValue().stream().map(masking::isBlinded).distinct().count() > 1) {
                throw RequestException.conflict(study + " version " + version.version() + " masks so that "
                        + e.getKey() + " would be on both sides of the blind (" + String.join(", ", e.getValue()
                        .stream().map(Words::of).toList()) + "): take one of the roles away first");
            }
        }
    }

    /** The masking a protocol version sets; none for a version Stroma cannot run. */
    private static MaskingPolicy masking(ProtocolVersion version) {
        try {
            return new MaskingPolicy(DesignReader.read(version.protocol()).masked());
        } catch (InvalidInputException cannotRun) {
            return new MaskingPolicy(Set.of());
        }
    }

    /** A role given in words or by name ("cell lab", "CELL_LAB"), one a study's team may be given. */
    private static Role grantableRole(String role) {
        String name = role == null ? "" : role.strip().replace(' ', '_');
        return grantableRoles().stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst().orElseThrow(
                () -> RequestException.badRequest("role", "'" + Texts.shown(role == null ? "" : role) + "' is not a"
                        + " role; one of " + grantableRoles().stream().map(Words::of).toList()));
    }

    /**
     * Takes a role away, with the reason (kept in the audit ledger). The study's last administrator stays: without one
     * nobody could give roles again.
     */
    public void revoke(Principal p, String study, String username, String role, String site, String reason,
            Integer version) throws SQLException {
        Access.require(p, study, Action.MANAGE_TEAM);
        Versions.required(version, "the team");
        if (reason == null || reason.isBlank()) {
            throw RequestException.badRequest("reason", "say why the role is taken away");
        }
        String at = site == null || site.isBlank() ? null : site.strip();
        Role r = grantableRole(role);
        List<TeamMember> team = users.team(study);
        TeamMember member = team.stream().filter(m -> m.username().equals(username == null ? ""
                : username.strip()) && m.role() == r && Objects.equals(m.site(), at)).findFirst().orElseThrow(
                        () -> RequestException.badRequest("username", username + " has no such role in " + study));
        if (member.role() == Role.ADMINISTRATOR && team.stream().filter(m -> m.role() == Role.ADMINISTRATOR)
                .count() == 1) {
            throw RequestException.conflict(username + " is the study's only administrator; give the role to someone"
                    + " else first");
        }
        try {
            users.revoke(p.username(), member.username(), new Membership(study, member.role(), member.site()),
                    reason.strip(), version, clock.instant());
        } catch (StaleException e) {
            throw Versions.stale("the team of " + study, version, e);
        }
    }

    /** The roles a person can be given in a study. */
    public static List<Role> grantableRoles() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.PARTICIPANT).toList();
    }

    /** The study page's content, with only the sites the person sees. */
    public StudyOverview overview(Principal p, String study) throws SQLException {
        Access.member(p, study);
        ProtocolVersion v = studies.published(study).orElse(null);
        String title = studies.title(study).orElse(study);
        List<String> roles = p.rolesIn(study).stream().map(Words::of).toList();
        if (v == null) {
            return new StudyOverview(study, title, 0, null, List.of(), null, List.of(), List.of(), List.of(), List.of(),
                    List.of(), roles, null, false);
        }
        return conduct.read(study, trial -> overview(p, study, title, v.version(), trial, roles));
    }

    /**
     * The overview for one person. How allocations are drawn (block sizes) and the assumptions that say it are shown
     * only to those the masking lets see the allocation: knowing them, a site could guess the next arm.
     */
    private static StudyOverview overview(Principal p, String study, String title, int version, TrialConduct trial,
            List<String> roles) {
        TrialDesign d = trial.design();
        List<StudyOverview.Arm> arms = d.arms().stream().map(a -> new StudyOverview.Arm(a.code(), a.label(),
                a.type() == null ? null : Words.of(a.type()))).toList();
        boolean seesAllocation = !trial.masking().isBlinded(Access.viewRole(p, study, trial.masking()));
        String allocation = d.ratio() + ", " + (seesAllocation ? d.method().describe()
                : d.method().describeConcealed());
        List<StudyOverview.Visit> schedule = new ArrayList<>();
        for (PlannedVisit pv : trial.schedule()) {
            schedule.add(new StudyOverview.Visit(pv.name(), pv.offset().amount() == 0 ? "at " + pv.anchor().label()
                    : pv.offset() + " after " + pv.anchor().label(), "-" + pv.daysEarly() + "/+"
                    + pv.daysLate() + " days"));
        }
        Set<String> visible = p.sitesIn(study);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String site : d.sites()) {
            if (visible == null || visible.contains(site)) {
                counts.put(site, new int[3]);
            }
        }
        for (Subject s : trial.subjects()) {
            int[] c = counts.get(s.site());
            if (c != null) {
                c[0]++;
                if (s.history().stream().anyMatch(h -> h.to() == SubjectState.RANDOMIZED)) {
                    c[1]++;
                }
                if (s.state().isExit()) {
                    c[2]++;
                }
            }
        }
        List<StudyOverview.SiteEnrolment> sites = counts.entrySet().stream().map(e -> new StudyOverview.SiteEnrolment(
                e.getKey(), trial.zoneOf(e.getKey()).getId(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        return new StudyOverview(study, title, version, Words.of(d.kind()), arms,
                allocation, d.masked().stream().map(Words::of).toList(),
                d.periods().stream().map(pe -> "period " + pe.number() + " from " + pe.start()).toList(),
                schedule, d.assumptions().stream().filter(a -> seesAllocation || !a.concealsAllocation()).map(
                        Assumption::what).toList(), sites, roles, trial.consentForm(), trial.masking()
                        .secondPersonRequired());
    }
}
