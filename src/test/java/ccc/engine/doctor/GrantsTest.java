package ccc.engine.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ccc.client.iam.RoleBinding;
import ccc.engine.doctor.Grants.Access;
import ccc.engine.doctor.Grants.Kind;
import ccc.engine.doctor.Grants.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantsTest {

    static final String ENV = "crn://confluent.cloud/organization=org-1/environment=env-abc123";
    static final String KAFKA = ENV + "/cloud-cluster=lkc-xyz789/kafka=lkc-xyz789";
    static final String SA = "User:sa-1";

    static RoleBinding binding(String role, String crn) {
        return new RoleBinding("rb-" + Math.abs(crn.hashCode() % 1000), SA, role, crn);
    }

    static Grants grants(RoleBinding... bindings) {
        return new Grants(ENV, "lkc-xyz789", "lsrc-abc12", List.of(bindings));
    }

    static Resource topic(String name) {
        return Resource.of(Kind.TOPIC, name);
    }

    @Test
    void anExactBindingCoversItsTopicOnly() {
        Grants grants = grants(binding("DeveloperRead", KAFKA + "/topic=orders"));
        assertNotNull(grants.covering(SA, Access.READ, topic("orders")));
        assertNull(grants.covering(SA, Access.READ, topic("orders2")));
        assertNull(grants.covering(SA, Access.WRITE, topic("orders")), "read is not write");
        assertNull(grants.covering("User:sa-2", Access.READ, topic("orders")), "another account's");
    }

    @Test
    void aPrefixBindingCoversEveryNameStartingWithIt() {
        Grants grants = grants(binding("DeveloperWrite", KAFKA + "/topic=pg.*"), binding("DeveloperRead", KAFKA + "/topic=*"));
        assertNotNull(grants.covering(SA, Access.WRITE, topic("pg.public.orders")));
        assertNull(grants.covering(SA, Access.WRITE, topic("pgx")));
        assertNotNull(grants.covering(SA, Access.READ, topic("anything")), "topic=* is a prefix binding on everything");
        assertNotNull(grants.covering(SA, Access.WRITE, new Resource(Kind.TOPIC, "pg.public.", true)),
                "a wider prefix covers a narrower one");
        assertNull(grants.covering(SA, Access.WRITE, new Resource(Kind.TOPIC, "p", true)), "but not a wider one");
    }

    @Test
    void anExactBindingNeverCoversAPrefix() {
        Grants grants = grants(binding("DeveloperWrite", KAFKA + "/topic=pg."));
        assertNull(grants.covering(SA, Access.WRITE, new Resource(Kind.TOPIC, "pg.", true)));
    }

    @Test
    void resourceOwnerAndAdminsOfAnEnclosingScopeCount() {
        assertNotNull(grants(binding("ResourceOwner", KAFKA + "/topic=orders")).covering(SA, Access.WRITE, topic("orders")));
        assertNotNull(grants(binding("CloudClusterAdmin", ENV + "/cloud-cluster=lkc-xyz789"))
                .covering(SA, Access.WRITE, topic("orders")));
        assertNotNull(grants(binding("EnvironmentAdmin", ENV)).covering(SA, Access.READ, Resource.of(Kind.SUBJECT, "x")));
        assertNull(grants(binding("DeveloperRead", ENV + "/cloud-cluster=lkc-xyz789"))
                .covering(SA, Access.READ, topic("orders")), "a developer role on a scope grants no topic");
        assertNull(grants(binding("CloudClusterAdmin", ENV + "/cloud-cluster=lkc-other"))
                .covering(SA, Access.READ, topic("orders")), "another cluster");
    }

    @Test
    void aGroupIsNotATopic() {
        Grants grants = grants(binding("DeveloperRead", KAFKA + "/group=connect-lcc-*"));
        assertNotNull(grants.covering(SA, Access.READ, Resource.of(Kind.GROUP, "connect-lcc-abc12")));
        assertNull(grants.covering(SA, Access.READ, topic("connect-lcc-abc12")));
    }

    @Test
    void aSubjectBindingIsOnTheSchemaRegistryAndItsIdCanBeLearnedFromTheBindings() {
        RoleBinding subject = binding("DeveloperRead", ENV + "/schema-registry=lsrc-9/subject=orders-value");
        Grants unknownId = new Grants(ENV, "lkc-xyz789", null, List.of(subject));
        assertNotNull(unknownId.covering(SA, Access.READ, Resource.of(Kind.SUBJECT, "orders-value")));
        assertEquals(ENV + "/schema-registry=lsrc-9/subject=payments-value",
                unknownId.crn(Resource.of(Kind.SUBJECT, "payments-value")));
        Grants noneNamed = new Grants(ENV, "lkc-xyz789", null, List.of());
        assertEquals("confluent iam rbac role-binding create --principal User:sa-1 --role DeveloperRead"
                        + " --environment env-abc123 --schema-registry-cluster <lsrc-id> --resource Subject:orders-value",
                noneNamed.fix("peve-x", SA, Access.READ, Resource.of(Kind.SUBJECT, "orders-value")).command());
    }

    @Test
    void theFixIsACommandAndATerraformBlockWithSafeNames() {
        Fix fix = grants().fix("peve-9.sink", SA, Access.WRITE, new Resource(Kind.TOPIC, "pg.public.", true));
        assertEquals("confluent iam rbac role-binding create --principal User:sa-1 --role DeveloperWrite"
                + " --environment env-abc123 --cloud-cluster lkc-xyz789 --kafka-cluster lkc-xyz789"
                + " --resource Topic:pg.public. --prefix", fix.command());
        assertEquals("""
                resource "confluent_role_binding" "peve_9_sink_developerwrite_topic_pg_public" {
                  principal   = "User:sa-1"
                  role_name   = "DeveloperWrite"
                  crn_pattern = "%s/topic=pg.public.*"
                }""".formatted(KAFKA), fix.terraform());
        assertEquals("'Subject:a b'", Grants.shellWord("Subject:a b"));
        assertEquals("'it'\\''s'", Grants.shellWord("it's"));
    }
}
