package org.greenlane.review;

import java.util.List;
import java.util.Map;

/** The steering committee's working groups and the committee itself, as Camunda groups. */
public final class WorkingGroups {

    public static final String STEERING = "steering";
    public static final List<String> REVIEWING = List.of("health", "housing", "labour", "transport");

    static final Map<String, String> NAMES = Map.of(
            "health", "Tổ Y tế (Health)",
            "housing", "Tổ Nơi ở (Housing)",
            "labour", "Tổ Lao động (Labour)",
            "transport", "Tổ Vận chuyển (Transport)",
            STEERING, "Ban Chỉ đạo (Steering committee)");

    private WorkingGroups() {
    }
}
