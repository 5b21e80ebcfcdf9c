package io.microcent.console.web;

import io.microcent.console.session.Role;

import java.util.List;

/**
 * What the layout around every page needs: the title, the section to highlight, who is signed in (a viewer
 * sees no buttons that change anything) and the session's CSRF token for forms.
 *
 * @param flash what the previous change said (a confirmation, or an error with the fields at fault)
 */
public record Frame(String title, Nav section, Role role, String csrfToken, Flash flash) {

    public boolean mayChange() {
        return role != null && role.mayChange();
    }

    public List<Nav> nav() {
        return Nav.all();
    }

    public String roleLabel() {
        return role == null ? "" : role == Role.OPERATOR ? "Operator" : "Viewer (read-only)";
    }
}
