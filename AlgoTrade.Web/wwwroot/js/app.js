window.algotrade = {
  setTheme: function (theme) {
    document.cookie = "algotrade-theme=" + encodeURIComponent(theme) + ";path=/;max-age=31536000;samesite=lax";
    document.body.classList.toggle("at-dark", theme === "dark");
    document.body.classList.toggle("at-light", theme !== "dark");
  }
};
