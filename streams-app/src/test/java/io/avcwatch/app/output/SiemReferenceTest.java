package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The checkers the SIEM format tests rely on accept a valid document and catch each kind of mistake. */
class SiemReferenceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EcsReference ECS = EcsReference.load();
    private static final OcsfReference OCSF = OcsfReference.load();
    private static final OcsfReference.Definition FINDING = OCSF.eventClass("findings/detection_finding.json");

    private static JsonNode json(final String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void ecsAcceptsAValidAlertDocument() throws Exception {
        final JsonNode doc = json("{'@timestamp':'2025-12-05T21:50:43.672Z','event':{'kind':'alert',"
                + "'category':['intrusion_detection'],'type':['denied'],'severity':73},"
                + "'threat':{'technique':{'id':['T1611']}},'process':{'pid':42},'labels':{'any':'x'},"
                + "'avcwatch':{'whatever':[1,2]}}");
        assertThat(ECS.violations(doc, "avcwatch")).isEmpty();
    }

    @Test
    void ecsCatchesUnknownFieldsWrongTypesArraysAndValues() throws Exception {
        final JsonNode doc = json("{'@timestamp':'yesterday','event':{'kind':'warning','category':['file'],"
                + "'type':['denied']},'process':{'pid':'42','name':['a','b']},'selinux':{'x':1}}");
        assertThat(ECS.violations(doc, "avcwatch")).anySatisfy(v -> assertThat(v).startsWith("@timestamp:"))
                .anySatisfy(v -> assertThat(v).startsWith("event.kind: 'warning'"))
                .anySatisfy(v -> assertThat(v).startsWith("event.type 'denied' is not expected"))
                .anySatisfy(v -> assertThat(v).startsWith("process.pid:"))
                .anySatisfy(v -> assertThat(v).contains("does not normalize process.name"))
                .anySatisfy(v -> assertThat(v).startsWith("selinux.x: not an ECS field"));
    }

    private static String minimalFinding() {
        return "{'activity_id':1,'activity_name':'Create','category_uid':2,'category_name':'Findings',"
                + "'class_uid':2004,'class_name':'Detection Finding','type_uid':200401,"
                + "'type_name':'Detection Finding: Create','severity_id':4,'severity':'High','time':1764971443672,"
                + "'status_id':1,'status':'New',"
                + "'metadata':{'version':'1.8.0','product':{'name':'avcwatch'}},"
                + "'finding_info':{'uid':'a1','title':'t','attacks':[{'technique':{'uid':'T1611','name':'Escape to Host'}}]}";
    }

    @Test
    void ocsfAcceptsAMinimalDetectionFinding() throws Exception {
        assertThat(OCSF.violations(json(minimalFinding() + "}"), FINDING)).isEmpty();
    }

    @Test
    void ocsfCatchesMissingRequiredWrongTypesEnumsAndUnknownKeys() throws Exception {
        final JsonNode doc = json("{'activity_id':7,'category_uid':2,'class_uid':2003,'type_uid':200401,"
                + "'severity_id':'4','severity':'Low','time':1,'bogus':1,"
                + "'metadata':{'version':'1.8.0','product':{'vendor_name':'x'}},"
                + "'finding_info':{'title':'t','attacks':{'technique':{'uid':'T1611'}}}}");
        assertThat(OCSF.violations(doc, FINDING))
                .anySatisfy(v -> assertThat(v).startsWith("activity_id: 7 is not in the enum"))
                .anySatisfy(v -> assertThat(v).startsWith("class_uid: 2003 is not in the enum"))
                .anySatisfy(v -> assertThat(v).startsWith("severity_id: STRING"))
                .anySatisfy(v -> assertThat(v).startsWith("bogus: not an attribute"))
                .anySatisfy(v -> assertThat(v).startsWith("metadata.product: product needs at least one of"))
                .anySatisfy(v -> assertThat(v).startsWith("finding_info.uid: required"))
                .anySatisfy(v -> assertThat(v).startsWith("finding_info.attacks: must be an array"));
    }

    @Test
    void ocsfChecksSiblingCaptionsAndProfileRequirements() throws Exception {
        final JsonNode doc = json(minimalFinding().replace("'severity':'High'", "'severity':'Low'")
                .replace("'product':{'name':'avcwatch'}", "'product':{'name':'avcwatch'},'profiles':['cloud']") + "}");
        assertThat(OCSF.violations(doc, FINDING))
                .anySatisfy(v -> assertThat(v).startsWith("severity_id: sibling severity 'Low'"))
                .anySatisfy(v -> assertThat(v).startsWith("cloud: required"));
    }
}
