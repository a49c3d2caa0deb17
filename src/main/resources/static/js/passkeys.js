// Passkeys on the staff pages: adding one on the account or enrolment page, and signing in with
// one on the sign-in and second-step pages. The sections stay hidden without WebAuthn; errors are
// shown next to the button (role=alert) and focus stays on it.
(function () {
  'use strict';

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function decode(base64url) {
    var text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(section, url, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[section.dataset.csrfHeader] = section.dataset.csrf;
    return fetch(url, {
      method: 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: body ? JSON.stringify(body) : undefined
    });
  }

  // The ceremony's options from the server, with the challenge as bytes.
  function options(section) {
    return post(section, section.dataset.options)
      .then(function (response) {
        if (!response.ok) {
          throw new Error('options ' + response.status);
        }
        return response.json();
      })
      .then(function (json) {
        json.challenge = decode(json.challenge);
        return json;
      });
  }

  function showError(section, message) {
    var error = section.querySelector('[data-passkey-error]');
    error.textContent = message;
  }

  // A redirect the server gives as an absolute address goes to the same path on this origin.
  function go(url) {
    var target = new URL(url, window.location.href);
    window.location.assign(target.pathname + target.search);
  }

  function setUpAdding(section) {
    var button = section.querySelector('[data-passkey-add-button]');
    var label = section.querySelector('#passkey-label');
    section.hidden = false;
    button.addEventListener('click', function () {
      showError(section, '');
      var name = label.value.trim();
      if (!name) {
        label.setAttribute('aria-invalid', 'true');
        showError(section, section.dataset.errorLabel);
        label.focus();
        return;
      }
      label.removeAttribute('aria-invalid');
      button.disabled = true;
      options(section)
        .then(function (options) {
          options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
          options.excludeCredentials = (options.excludeCredentials || []).map(function (credential) {
            return Object.assign({}, credential, { id: decode(credential.id) });
          });
          return navigator.credentials.create({ publicKey: options }).catch(function (error) {
            error.cancelled = true;
            throw error;
          });
        })
        .then(function (created) {
          var response = created.response;
          return post(section, section.dataset.register, {
            label: name,
            credential: {
              id: created.id,
              rawId: encode(created.rawId),
              type: created.type,
              response: {
                attestationObject: encode(response.attestationObject),
                clientDataJSON: encode(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
              },
              clientExtensionResults: created.getClientExtensionResults(),
              authenticatorAttachment: created.authenticatorAttachment
            }
          });
        })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) {
              throw Object.assign(new Error('register ' + response.status), { serverMessage: body.message });
            }
            go(body.redirect);
          });
        })
        .catch(function (error) {
          button.disabled = false;
          showError(section, error.serverMessage
            || (error.cancelled ? section.dataset.errorCancelled : section.dataset.errorFailed));
          button.focus();
        });
    });
  }

  function setUpSignIn(section) {
    var button = section.querySelector('[data-passkey-sign-in-button]');
    section.hidden = false;
    button.addEventListener('click', function () {
      showError(section, '');
      button.disabled = true;
      options(section)
        .then(function (options) {
          options.allowCredentials = (options.allowCredentials || []).map(function (credential) {
            return Object.assign({}, credential, { id: decode(credential.id) });
          });
          return navigator.credentials.get({ publicKey: options });
        })
        .then(function (credential) {
          var response = credential.response;
          return post(section, section.dataset.signIn, {
            id: credential.id,
            rawId: encode(credential.rawId),
            type: credential.type,
            response: {
              authenticatorData: encode(response.authenticatorData),
              clientDataJSON: encode(response.clientDataJSON),
              signature: encode(response.signature),
              userHandle: response.userHandle ? encode(response.userHandle) : undefined
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          });
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('sign-in ' + response.status);
          }
          return response.json();
        })
        .then(function (body) {
          go(body.redirectUrl || '/admin');
        })
        .catch(function () {
          button.disabled = false;
          showError(section, section.dataset.errorFailed);
          button.focus();
        });
    });
  }

  document.querySelectorAll('[data-passkey-add]').forEach(setUpAdding);
  document.querySelectorAll('[data-passkey-sign-in]').forEach(setUpSignIn);
})();
