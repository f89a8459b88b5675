package org.greenlane.status;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * /enterprise: an enterprise sends its workbook and follows its applications and permit; the page holds no data, the
 * API checks who asks.
 */
@Controller
class EnterprisePageController {

    @GetMapping("/enterprise")
    String page() {
        return "forward:/enterprise.html";
    }
}
