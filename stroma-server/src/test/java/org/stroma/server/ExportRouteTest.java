package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.ok;
import static org.stroma.server.DemoServer.screen;
import static org.stroma.server.DemoServer.subject;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.auth.Passwords;
import org.stroma.store.user.Membership;
import org.stroma.store.user.UserStore;
import org.stroma.trial.masking.Role;

/**
 * The export route: a form saved, corrected with a reason, signed and changed again comes out in ODM with each
 * version's audit record, the signature on the version it was given to, and valid against the ODM 1.3.2 schema; the
 * data manager's export is blinded, the DSMB's names the arm unless it asks for the blinded one; the site's staff may
 * not export, nor a data manager of one site; an unknown format is named, and so is a "blinded" that is not true
 * or false; an emergency unblinding granted to a person never counts for an export.
 */
class ExportRouteTest {
    static final String PASSWORD = "export-test-password";
    static final String STUDY = DemoServer.STUDY;
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private static final Path SCHEMA = Path.of("..", "fixtures", "schemas", "odm-1.3.2", "ODM1-3-2.xsd");
    private static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(PASSWORD, CLOCK);
        Client coordinator = demo.client("coordinator");
        screen(coordinator, "S1", demo.sites().get(0), true);
        ok(coordinator.post(subject("S1") + "/consent", "{\"formVersion\":\"1\",\"signedAt\":\"" + CLOCK.instant()
                + "\"}"));
        ok(coordinator.post(subject("S1") + "/state", "{\"to\":\"enrolled\"}"));
        ok(coordinator.post(subject("S1") + "/randomization", "{\"baselineWeightKg\": 72}"));
        String vitals = subject("S1") + "/forms/Baseline/vitals";
        ok(coordinator.post(vitals, vitals(150, 0, null)));
        CLOCK.set(Instant.parse("2026-06-01T09:10:00Z"));
        Client investigator = demo.client("investigator");
        ok(investigator.post(vitals, vitals(95, 1, "misread: 95 on the ECG")));
        ok(investigator.post(vitals + "/signature", "{\"password\":\"" + PASSWORD + "\",\"meaning\":\"reviewed\","
                + "\"version\":2}"));
        ok(investigator.post(vitals + "/signature", "{\"password\":\"" + PASSWORD + "\",\"meaning\":\"approved\","
                + "\"version\":2}"));
        CLOCK.set(Instant.parse("2026-06-01T09:30:00Z"));
        ok(coordinator.post(vitals, vitals(97, 2, "second reading")));
        UserStore users = new UserStore(demo.db());
        String site = demo.sites().get(0);
        users.create("setup", "export", "An investigator whose user name is export", Passwords.hash(PASSWORD), false);
        users.grant("setup", "export", new Membership(STUDY, Role.INVESTIGATOR, site), null, CLOCK.instant());
        users.create("setup", "dm-site", "A data manager of one site", Passwords.hash(PASSWORD), false);
        users.grant("setup", "dm-site", new Membership(STUDY, Role.DATA_MANAGER, site), null, CLOCK.instant());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String vitals(int rate, int version, String reason) {
        return "{\"version\":" + version + ",\"values\":{\"systolic_bp\":\"128\",\"diastolic_bp\":\"78\","
                + "\"heart_rate\":\"" + rate + "\",\"weight\":\"71.5\"}" + (reason == null ? "" : ",\"reason\":\""
                + reason + "\"") + "}";
    }

    @Test
    void theOdmCarriesEveryVersionWithItsAuditRecordAndSignatureAndIsValid() throws Exception {
        Client.Download d = demo.client("datamanager").download("/api/studies/" + STUDY + "/exports/odm");
        assertThat(d.status()).isEqualTo(200);
        assertThat(d.contentType()).isEqualTo("application/zip");
        assertThat(d.disposition()).contains(STUDY + "-odm-blinded.zip");
        Map<String, String> files = unzip(d.body());
        assertThat(files).containsKeys("odm.xml", "MANIFEST.txt");
        String odm = files.get("odm.xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMA.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(odm)));
        String form = odm.substring(odm.indexOf("<StudyEventData StudyEventOID=\"SE.BASELINE\""));
        // three versions: inserted by the coordinator, corrected and signed by the investigator, changed again
        assertThat(form).containsSubsequence(
                "<FormData FormOID=\"F.VITALS\" TransactionType=\"Insert\">", "<UserRef UserOID=\"USR.COORDINATOR\"/>",
                "IT.VITALS.HEART_RATE\" TransactionType=\"Insert\" Value=\"150\"",
                "<FormData FormOID=\"F.VITALS\" TransactionType=\"Update\">", "<UserRef UserOID=\"USR.INVESTIGATOR\"/>",
                "<DateTimeStamp>2026-06-01T09:10:00Z</DateTimeStamp>",
                "<ReasonForChange>misread: 95 on the ECG</ReasonForChange>", "<Signature>",
                "<SignatureRef SignatureOID=\"SD.1\"/>",
                "IT.VITALS.HEART_RATE\" TransactionType=\"Update\" Value=\"95\"",
                "<FormData FormOID=\"F.VITALS\" TransactionType=\"Update\">",
                "<ReasonForChange>second reading</ReasonForChange>",
                "IT.VITALS.HEART_RATE\" TransactionType=\"Update\" Value=\"97\"");
        // a second signature of the same version is a FormData of its own that changes nothing
        assertThat(form).containsSubsequence("<ReasonForChange>misread: 95 on the ECG</ReasonForChange>",
                "<FormData FormOID=\"F.VITALS\" TransactionType=\"Context\">", "<SignatureRef SignatureOID=\"SD.2\"/>",
                "<ReasonForChange>second reading</ReasonForChange>");
        // only the changed item is in each later version; the signature is on the version it was given to only
        assertThat(form.substring(form.indexOf("second reading"))).doesNotContain("IT.VITALS.WEIGHT", "<Signature>");
        assertThat(odm).contains("<SignatureDef OID=\"SD.1\" Methodology=\"Electronic\">", "<Meaning>reviewed</Meaning>");
        assertThat(odm).doesNotContain("IT.ENROLMENT.ALLOCATION");
        assertThat(files.get("MANIFEST.txt")).contains("Masking: blinded", "odm.xml\t" + odm.getBytes(
                StandardCharsets.UTF_8).length + "\t");
    }

    @Test
    void theDsmbSeesTheArmUnlessItAsksForTheBlindedExportAndTheSitesMayNotExport() throws Exception {
        Client dsmb = demo.client("dsmb");
        String unblinded = unzip(dsmb.download("/api/studies/" + STUDY + "/exports/odm").body()).get("odm.xml");
        assertThat(unblinded).containsPattern("IT.ENROLMENT.ALLOCATION\" TransactionType=\"Insert\" Value=\"[AB]\"");
        String blinded = unzip(dsmb.download("/api/studies/" + STUDY + "/exports/odm?blinded=true").body())
                .get("odm.xml");
        assertThat(blinded).doesNotContain("IT.ENROLMENT.ALLOCATION").contains("IT.ENROLMENT.KIT_CODE");
        assertThat(demo.client("coordinator").get("/api/studies/" + STUDY + "/exports/odm").status()).isEqualTo(403);
        Client.Reply yes = dsmb.get("/api/studies/" + STUDY + "/exports/odm?blinded=yes");
        assertThat(yes.status()).isEqualTo(400);
        assertThat(yes.body()).contains("'yes' is not true or false");
        assertThat(demo.client("dm-site").get("/api/studies/" + STUDY + "/exports/odm").status()).isEqualTo(403);
        Client.Reply unknown = dsmb.get("/api/studies/" + STUDY + "/exports/xpt");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("no export format 'xpt'", "odm, sdtm");
    }

    /**
     * An emergency unblinding is its requester's alone: one granted to a user who happens to be called "export" does
     * not unblind that subject in anyone's blinded export.
     */
    @Test
    void anUnblindingGrantedToAPersonNeverCountsForAnExport() throws Exception {
        Client export = demo.client("export");
        Client.Reply u = export.post(subject("S1") + "/unblinding", "{\"reason\":\"anaphylaxis\",\"password\":\""
                + PASSWORD + "\"}");
        assertThat(u.status()).as(u.body()).isEqualTo(201);
        assertThat(u.json().at("/subject/group").asText()).isIn("A", "B");
        Map<String, String> sdtm = unzip(demo.client("datamanager").download("/api/studies/" + STUDY
                + "/exports/sdtm").body());
        String dm = sdtm.get("dm.csv");
        String s1 = dm.lines().filter(l -> l.contains("-S1,")).findFirst().orElseThrow();
        assertThat(s1).doesNotContainPattern(",[AB],").contains("BLINDED");
        assertThat(sdtm).doesNotContainKey("ex.json");
        assertThat(sdtm.get("ec.csv") == null ? "" : sdtm.get("ec.csv")).doesNotContain("PLACEBO");
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
