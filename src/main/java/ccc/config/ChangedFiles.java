package ccc.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which environments a change to the repository touches, from the paths it changed (as
 * {@code git diff --name-only} lists them, relative to the working directory): ccc.yaml touches every
 * environment; {@code <dir>/E-<dir>.json} and {@code <dir>/E-vars.yaml} touch E, whether the file was
 * added, edited or deleted; anything else touches none.
 */
public final class ChangedFiles {

    private ChangedFiles() {
    }

    /**
     * @param root the config root
     * @param environments the environments to consider, in their order
     * @param changed the changed paths, relative to the working directory or absolute
     * @return for each touched environment (in the order given), the changed paths that touch it
     */
    public static Map<String, List<String>> environments(Path root, List<String> environments, List<String> changed) {
        Path base = root.toAbsolutePath().normalize();
        Map<String, List<String>> touched = new LinkedHashMap<>();
        environments.forEach(environment -> touched.put(environment, new ArrayList<>()));
        for (String path : changed) {
            if (path.isBlank()) {
                continue;
            }
            Path file = Path.of(path.strip()).toAbsolutePath().normalize();
            if (!file.startsWith(base) || file.equals(base)) {
                continue;
            }
            Path relative = base.relativize(file);
            if (relative.getNameCount() == 1 && relative.toString().equals(ProjectConfigLoader.FILE_NAME)) {
                touched.values().forEach(paths -> paths.add(path.strip()));
            } else if (relative.getNameCount() == 2) {
                String environment = WorkspaceLoader.environmentOf(relative.getName(0).toString(),
                        relative.getName(1).toString());
                if (touched.containsKey(environment)) {
                    touched.get(environment).add(path.strip());
                }
            }
        }
        touched.values().removeIf(List::isEmpty);
        return touched;
    }
}
