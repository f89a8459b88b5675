package org.greenlane.impact;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /rules/impact: the rule authors' page for a change's consequences; it holds no data, the API checks who asks. */
@Controller
class ImpactPageController {

    @GetMapping("/rules/impact")
    String page() {
        return "forward:/rules-impact.html";
    }
}
