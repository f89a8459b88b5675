package org.greenlane.reporting;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /dashboard: the province's progress page, served by the app with its own copy of Chart.js. */
@Controller
class DashboardController {

    @GetMapping("/dashboard")
    String dashboard() {
        return "forward:/dashboard.html";
    }
}
