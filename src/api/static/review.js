// The review page's only script: sends decisions to
// POST /entities/{id}/review, shows histories from
// GET /entities/{id}/history, and adds texts with POST /sources. Text from
// the server is shown with textContent, never as HTML.
"use strict";

const identity = {
  reviewer: document.getElementById("reviewer"),
  token: document.getElementById("token"),
};

// Remember who reviews for the session (the token only in sessionStorage).
for (const [key, input] of Object.entries(identity)) {
  const store = key === "token" ? sessionStorage : localStorage;
  input.value = store.getItem("review-" + key) || "";
  input.addEventListener("change", () => store.setItem("review-" + key, input.value.trim()));
}

function say(card, text, isError) {
  const message = card.querySelector(".message");
  message.textContent = text;
  message.classList.toggle("error", Boolean(isError));
}

async function decide(card, decision, links) {
  const reviewer = identity.reviewer.value.trim();
  const token = identity.token.value.trim();
  if (!reviewer || !token) {
    say(card, "Enter your name and the review token at the top first.", true);
    (reviewer ? identity.token : identity.reviewer).focus();
    return;
  }
  const body = { decision, reviewer };
  const note = card.querySelector(".note").value.trim();
  if (note) body.note = note;
  if (links) {
    body.set = links;
  } else if (decision === "edit") {
    body.set = {};
    for (const input of card.querySelectorAll("form.edit input")) {
      if (input.value.trim() !== input.dataset.original) body.set[input.name] = input.value;
    }
    if (Object.keys(body.set).length === 0) {
      say(card, "Nothing changed: correct a field first.", true);
      return;
    }
  }
  for (const button of card.querySelectorAll("button")) button.disabled = true;
  say(card, "Saving…");
  try {
    const response = await fetch("/entities/" + encodeURIComponent(card.dataset.id) + "/review", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      say(card, (answer.message || response.statusText) + " (" + response.status + ")", true);
      return;
    }
    say(card, "Saved: " + answer.event.decision + " by " + answer.event.reviewer + ". Reloading…");
    window.location.reload();
  } catch (error) {
    say(card, "The server could not be reached: " + error.message, true);
  } finally {
    for (const button of card.querySelectorAll("button")) button.disabled = false;
  }
}

async function showHistory(card) {
  const list = card.querySelector("ol.history");
  if (!list.hidden) {
    list.hidden = true;
    return;
  }
  const response = await fetch("/entities/" + encodeURIComponent(card.dataset.id) + "/history");
  const answer = await response.json().catch(() => ({}));
  list.replaceChildren();
  if (!response.ok) {
    say(card, answer.message || response.statusText, true);
    return;
  }
  if (answer.events.length === 0) {
    const item = document.createElement("li");
    item.textContent = "No decisions yet.";
    list.append(item);
  }
  for (const event of answer.events) {
    const item = document.createElement("li");
    const changes = Object.entries(event.changes || {}).map(([k, v]) => k + " = " + v).join(", ");
    item.textContent = event.at + " · " + event.decision + " by " + event.reviewer +
      (changes ? " · " + changes : "") + (event.note ? " — “" + event.note + "”" : "");
    list.append(item);
  }
  list.hidden = false;
}

for (const card of document.querySelectorAll("article.card")) {
  card.querySelector("button.accept").addEventListener("click", () => decide(card, "accept"));
  card.querySelector("button.reject").addEventListener("click", () => decide(card, "reject"));
  card.querySelector("button.edit-toggle").addEventListener("click", () => {
    const form = card.querySelector("form.edit");
    form.hidden = !form.hidden;
  });
  card.querySelector("form.edit").addEventListener("submit", (event) => {
    event.preventDefault();
    decide(card, "edit");
  });
  card.querySelector("button.history-toggle").addEventListener("click", () => showHistory(card));
  const links = card.querySelector(".links");
  const ids = (value) => (value || "").split(";").map((id) => id.trim()).filter(Boolean);
  for (const button of card.querySelectorAll("button.link-confirm, button.link-reject")) {
    button.addEventListener("click", () => {
      const id = button.dataset.link;
      const confirm = button.classList.contains("link-confirm");
      let confirmed = ids(links.dataset.confirmed).filter((other) => other !== id);
      let rejected = ids(links.dataset.rejected).filter((other) => other !== id);
      (confirm ? confirmed : rejected).push(id);
      decide(card, "edit", { confirmed_links: confirmed.join("; "), rejected_links: rejected.join("; ") });
    });
  }
}

// "Add a text": the text is saved, extracted and its designations shown
// as pending after a reload.
const addForm = document.getElementById("add-text");
if (addForm) {
  const message = document.getElementById("add-message");
  const tell = (text, isError) => {
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  };
  addForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const token = identity.token.value.trim();
    if (!token) {
      tell("Enter the review token at the top first.", true);
      identity.token.focus();
      return;
    }
    const name = document.getElementById("source-name").value.trim();
    const text = document.getElementById("source-text").value;
    const button = document.getElementById("add-source");
    button.disabled = true;
    tell("Extracting…");
    try {
      const response = await fetch("/sources", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
        body: JSON.stringify({ name, text }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        tell((answer.message || response.statusText) + " (" + response.status + ")", true);
        return;
      }
      tell("Added " + answer.source + ": " + answer.designations.length +
        " new designations, " + answer.batches.length + " new batches. Reloading…");
      window.location.reload();
    } catch (error) {
      tell("The server could not be reached: " + error.message, true);
    } finally {
      button.disabled = false;
    }
  });
}
