package io.genreflow.infra.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The IAM statements a role holds in a synthesised template, flattened to readable lines
 * ({@code Allow s3:GetObject on ${StorageBucket}/uploads/*}), references written as {@code ${logicalId}}.
 */
final class Policies {

    private Policies() {
    }

    /** Every statement of every AWS::IAM::Policy attached to the role with logical id {@code roleId}. */
    static TreeSet<String> of(Synthesized synthesized, String roleId) {
        TreeSet<String> lines = new TreeSet<>();
        synthesized.resourcesOfType("AWS::IAM::Policy").values().forEach(policy -> {
            if (!String.valueOf(policy.get("Roles")).contains("Ref=" + roleId + "}")) {
                return;
            }
            Map<?, ?> document = (Map<?, ?>) policy.get("PolicyDocument");
            for (Object statement : (List<?>) document.get("Statement")) {
                Map<?, ?> s = (Map<?, ?>) statement;
                String condition = s.containsKey("Condition") ? " if " + render(s.get("Condition")) : "";
                for (String resource : list(s.get("Resource"))) {
                    lines.add(s.get("Effect") + " " + String.join(",", new TreeSet<>(list(s.get("Action")))) + " on "
                            + resource + condition);
                }
            }
        });
        return lines;
    }

    private static List<String> list(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.forEach(item -> values.add(render(item)));
        } else {
            values.add(render(value));
        }
        return values;
    }

    /** A CloudFormation value with its intrinsic functions written out. */
    static String render(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("Ref")) {
                return "${" + map.get("Ref") + "}";
            }
            if (map.containsKey("Fn::GetAtt")) {
                List<?> attribute = (List<?>) map.get("Fn::GetAtt");
                return "${" + attribute.get(0) + "." + attribute.get(1) + "}";
            }
            if (map.containsKey("Fn::Join")) {
                List<?> join = (List<?>) map.get("Fn::Join");
                return ((List<?>) join.get(1)).stream().map(Policies::render).collect(Collectors.joining((String) join.get(0)));
            }
            return map.entrySet().stream().map(e -> e.getKey() + "=" + render(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> items) {
            return items.stream().map(Policies::render).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }
}
