package ccc.engine.doctor;

import ccc.client.iam.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role bindings of one environment, and what they grant: which binding gives a principal read or write on a
 * topic, group or subject, and, where none does, the exact binding to create. A binding counts when it names the
 * resource, or a prefix of its name ({@code topic=orders*}), with a role that allows the access (DeveloperRead or
 * DeveloperWrite, or ResourceOwner), or when it is an admin role on a scope the resource is in
 * (CloudClusterAdmin, EnvironmentAdmin, OrganizationAdmin).
 */
final class Grants {

    /** What a connector does to a resource, and the role that allows exactly that. */
    enum Access {
        READ("DeveloperRead"), WRITE("DeveloperWrite");

        final String role;

        Access(String role) {
            this.role = role;
        }
    }

    enum Kind {
        TOPIC("topic", "Topic"), GROUP("group", "Group"), SUBJECT("subject", "Subject");

        final String crnKey;
        final String cliType;

        Kind(String crnKey, String cliType) {
            this.crnKey = crnKey;
            this.cliType = cliType;
        }
    }

    /** A topic, group or subject; with {@code prefix}, every one whose name starts with {@code name}. */
    record Resource(Kind kind, String name, boolean prefix) {

        static Resource of(Kind kind, String name) {
            return new Resource(kind, name, false);
        }

        /** "topic orders", "groups starting with connect-lcc-". */
        String describe() {
            return prefix ? kind.crnKey + "s starting with " + name : kind.crnKey + " " + name;
        }
    }

    private static final Set<String> OWNER = Set.of("ResourceOwner");
    private static final Set<String> ADMINS = Set.of("CloudClusterAdmin", "EnvironmentAdmin", "OrganizationAdmin");
    private static final Set<String> LAST = Set.of("topic", "group", "subject", "transactional-id");
    private static final Pattern SCHEMA_REGISTRY = Pattern.compile("/schema-registry=(lsrc-[^/]+)/");
    private static final String CRN_ROOT = "crn://confluent.cloud/";

    private final String environmentCrn;
    private final String clusterId;
    private final String schemaRegistryId;
    private final List<RoleBinding> bindings;

    /**
     * @param schemaRegistryId the environment's Schema Registry (lsrc-...); when null, the one the environment's
     *                         subject bindings name, if they name exactly one
     */
    Grants(String environmentCrn, String clusterId, String schemaRegistryId, List<RoleBinding> bindings) {
        this.environmentCrn = environmentCrn;
        this.clusterId = clusterId;
        this.bindings = List.copyOf(bindings);
        this.schemaRegistryId = schemaRegistryId != null ? schemaRegistryId : registryNamedBy(this.bindings);
    }

    private static String registryNamedBy(List<RoleBinding> bindings) {
        Set<String> ids = new TreeSet<>();
        for (RoleBinding binding : bindings) {
            Matcher id = SCHEMA_REGISTRY.matcher(binding.crnPattern());
            if (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    /** The binding that gives {@code principal} (User:sa-...) the access, or null when none does. */
    RoleBinding covering(String principal, Access access, Resource resource) {
        List<String[]> wanted = segments(crn(resource));
        for (RoleBinding binding : bindings) {
            if (principal.equals(binding.principal()) && covers(binding, access, wanted, resource.prefix())) {
                return binding;
            }
        }
        return null;
    }

    private static boolean covers(RoleBinding binding, Access access, List<String[]> wanted, boolean wantedPrefix) {
        List<String[]> held = segments(binding.crnPattern());
        if (held.isEmpty() || held.size() > wanted.size()) {
            return false;
        }
        for (int i = 0; i < held.size(); i++) {
            String[] have = held.get(i);
            String[] want = wanted.get(i);
            if (!have[0].equals(want[0])) {
                return false;
            }
            boolean last = i == held.size() - 1;
            boolean resourceLevel = last && held.size() == wanted.size();
            if (want[1] == null && !resourceLevel) {
                continue; // a Schema Registry whose id is not known: any of the environment's
            }
            if (resourceLevel && have[1].endsWith("*")) {
                String prefix = have[1].substring(0, have[1].length() - 1);
                if (!want[1].startsWith(prefix)) {
                    return false;
                }
            } else if (!have[1].equals(want[1]) || (resourceLevel && wantedPrefix)) {
                return false;
            }
        }
        String role = binding.roleName();
        return held.size() == wanted.size() ? role.equals(access.role) || OWNER.contains(role) : ADMINS.contains(role);
    }

    /** The CRN of the resource; a prefix ends in {@code *}. */
    String crn(Resource resource) {
        String scope = resource.kind() == Kind.SUBJECT
                ? environmentCrn + "/schema-registry=" + (schemaRegistryId == null ? "<lsrc-id>" : schemaRegistryId)
                : environmentCrn + "/cloud-cluster=" + clusterId + "/kafka=" + clusterId;
        return scope + "/" + resource.kind().crnKey + "=" + resource.name() + (resource.prefix() ? "*" : "");
    }

    /** key=value pairs after the CRN's root; the value of a topic, group or subject runs to the end. */
    private static List<String[]> segments(String crn) {
        List<String[]> segments = new ArrayList<>();
        if (crn == null || !crn.startsWith(CRN_ROOT)) {
            return segments;
        }
        String[] parts = crn.substring(CRN_ROOT.length()).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals < 0) {
                return List.of();
            }
            String key = parts[i].substring(0, equals);
            String value = parts[i].substring(equals + 1);
            if (LAST.contains(key)) {
                value = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)).substring(equals + 1);
                segments.add(new String[] {key, value});
                break;
            }
            segments.add(new String[] {key, key.equals("schema-registry") && value.equals("<lsrc-id>") ? null : value});
        }
        return segments;
    }

    /** Whether the Schema Registry's id is known, so that a subject's binding can be written out exactly. */
    boolean knowsSchemaRegistry() {
        return schemaRegistryId != null;
    }

    /**
     * The binding to create, as a Confluent CLI command and as Terraform's {@code confluent_role_binding}.
     *
     * @param owner names the Terraform resource (the connector)
     */
    Fix fix(String owner, String principal, Access access, Resource resource) {
        String environmentId = environmentCrn.substring(environmentCrn.lastIndexOf("environment=") + "environment=".length());
        String scope = resource.kind() == Kind.SUBJECT
                ? " --environment " + environmentId + " --schema-registry-cluster "
                        + (schemaRegistryId == null ? "<lsrc-id>" : schemaRegistryId)
                : " --environment " + environmentId + " --cloud-cluster " + clusterId + " --kafka-cluster " + clusterId;
        String command = "confluent iam rbac role-binding create --principal " + principal + " --role " + access.role
                + scope + " --resource " + shellWord(resource.kind().cliType + ":" + resource.name())
                + (resource.prefix() ? " --prefix" : "");
        String name = terraformName(owner + "_" + access.role + "_" + resource.kind().crnKey + "_" + resource.name());
        String terraform = "resource \"confluent_role_binding\" \"" + name + "\" {\n"
                + "  principal   = " + hcl(principal) + "\n"
                + "  role_name   = " + hcl(access.role) + "\n"
                + "  crn_pattern = " + hcl(crn(resource)) + "\n"
                + "}";
        return new Fix(command, terraform);
    }

    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9._:/=@+,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static String hcl(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$${").replace("%{", "%%{") + "\"";
    }

    private static String terraformName(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "rb_" + name : name;
    }
}
