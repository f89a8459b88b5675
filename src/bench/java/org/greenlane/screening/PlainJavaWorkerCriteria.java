package org.greenlane.screening;

import java.util.List;
import java.util.Set;

/**
 * The v1 worker criteria written by hand, thresholds and lockdown list included: the floor a rule engine is measured
 * against, never what the server decides with.
 */
final class PlainJavaWorkerCriteria {

    private static final Set<String> LOCKDOWN = Set.of("viet yen|van trung", "viet yen|quang chau",
            "viet yen|tang tien", "viet yen|hoang ninh", "viet yen|nenh", "viet yen|ninh son", "viet yen|quang minh",
            "viet yen|hong thai", "yen dung|noi hoang", "yen dung|tien phong", "hiep hoa|doan bai",
            "hiep hoa|luong phong");

    private PlainJavaWorkerCriteria() {
    }

    static boolean eligible(ScreenedWorker w) {
        return w.getHoursSinceNegativePcr() <= 72
                && w.getDaysSincePositive() > 14
                && w.getDaysSinceCloseContact() > 14
                && !LOCKDOWN.contains(w.getDistrictKey() + "|" + w.getCommuneKey());
    }

    static int eligible(List<ScreenedWorker> workers) {
        int eligible = 0;
        for (ScreenedWorker worker : workers) {
            if (eligible(worker)) {
                eligible++;
            }
        }
        return eligible;
    }
}
