package io.isolab.authors;

import io.isolab.catalog.Catalog;
import io.isolab.catalog.CatalogSnapshot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** /authors: what is wrong in the labs folder right now, and what loaded. */
@Controller
public class AuthorsController {

    private final Catalog catalog;

    public AuthorsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/authors")
    public String authors(Model model) {
        CatalogSnapshot snapshot = catalog.snapshot();
        model.addAttribute("problems", snapshot.problems());
        model.addAttribute("labs", snapshot.labs());
        model.addAttribute("labsDir", catalog.dir().toAbsolutePath().normalize().toString());
        return "authors";
    }
}
