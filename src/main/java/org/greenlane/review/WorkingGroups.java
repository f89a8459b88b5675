package org.greenlane.review;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The steering committee's working groups and the committee itself, as Camunda groups. */
public final class WorkingGroups {

    public static final String STEERING = "steering";
    public static final List<String> REVIEWING = List.of("health", "housing", "labour", "transport");
    /** Every group that decides a task: the four working groups and the steering committee. */
    public static final List<String> DECIDING = Stream.concat(REVIEWING.stream(), Stream.of(STEERING)).toList();

    private static final Map<String, String> NAMES = Map.of(
            "health", "Tổ Y tế (Health)",
            "housing", "Tổ Nơi ở (Housing)",
            "labour", "Tổ Lao động (Labour)",
            "transport", "Tổ Vận chuyển (Transport)",
            STEERING, "Ban Chỉ đạo (Steering committee)");

    /** The group's name as officials read it, in Vietnamese and English. */
    public static String name(String group) {
        return NAMES.get(group);
    }

    private WorkingGroups() {
    }
}
