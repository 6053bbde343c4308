window.algotrade = {
  setTheme: function (theme) {
    document.cookie = "algotrade-theme=" + encodeURIComponent(theme) + ";path=/;max-age=31536000;samesite=lax";
    document.body.classList.toggle("at-dark", theme === "dark");
    document.body.classList.toggle("at-light", theme !== "dark");
  },
  // Every problem a form shows, as "Label: message", including what a field could not even parse (MudBlazor's
  // conversion errors never reach the server's validator). With scroll, brings the first one into view.
  formErrors: function (formId, scroll) {
    const form = document.getElementById(formId);
    if (!form) return [];
    const found = [];
    form.querySelectorAll(".mud-input-control, .field-error, .partial-error").forEach(el => {
      if (el.classList.contains("mud-input-control")) {
        const helper = el.querySelector(".mud-input-helper-text.mud-input-error");
        if (!helper || !helper.textContent.trim()) return;
        const label = el.querySelector("label")?.textContent.trim();
        found.push({ el, text: (label ? label + ": " : "") + helper.textContent.trim() });
      } else if (el.textContent.trim()) {
        const label = el.dataset.label;
        found.push({ el, text: (label ? label + ": " : "") + el.textContent.trim() });
      }
    });
    if (scroll && found.length > 0) {
      found[0].el.scrollIntoView({ block: "center" });
      found[0].el.querySelector?.("input")?.focus({ preventScroll: true });
    }
    return found.map(f => f.text);
  }
};
