// The "page not found" page: show the "Search the unit" button, which opens
// Material's search. Without JavaScript it stays hidden (search needs
// JavaScript too), and the page's link to the start of the unit still works.
const searchItem = document.querySelector("[data-unit-search]");
if (searchItem) {
  searchItem.hidden = false;
  searchItem.querySelector("button").addEventListener("click", () => {
    const searchToggle = document.getElementById("__search");
    if (!searchToggle.checked) {
      searchToggle.click(); // Material opens search when this checkbox changes
    }
    document.querySelector(".md-search__input")?.focus();
  });
}
