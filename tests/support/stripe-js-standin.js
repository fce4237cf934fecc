/*
 * A stand-in for Stripe.js (https://js.stripe.com/v3/) for browser tests, served by the local
 * Stripe-compatible server (stripe-server.ts, GET /_test/stripe.js) with its address in place of
 * __STRIPE_API_BASE__. A test adds it to the page before any script runs
 * (`context.addInitScript`), so `loadStripe()` from @stripe/stripe-js finds `window.Stripe`
 * already present and never fetches js.stripe.com, which nothing here can reach.
 *
 * It implements the part of the API that @stripe/react-stripe-js and a Payment Element checkout
 * use: `Stripe(key)`, `stripe.elements({ clientSecret, locale })`, `elements.create("payment")`
 * (card only: number, expiry, CVC; `mount`, `on`/`off`, `update`, `focus`, `destroy`),
 * `elements.submit()`, `stripe.confirmPayment({ elements, confirmParams, redirect })` and
 * `stripe.retrievePaymentIntent(clientSecret)`. It speaks to the server over HTTP exactly as
 * Stripe.js speaks to api.stripe.com: the publishable key as bearer, the intent's real
 * client_secret, `payment_method_data[card][…]` and `use_stripe_sdk=true` on confirmation. A
 * 3-D Secure challenge opens the server's challenge page in a modal iframe, as Stripe.js does.
 *
 * Plain browser JavaScript, not TypeScript: it is served to the page as is.
 */
;(function () {
  "use strict"
  var API = "__STRIPE_API_BASE__"

  var TEXT = {
    en: {
      number: "Card number",
      expiry: "Expiration date (MM / YY)",
      cvc: "Security code (CVC)",
      incomplete_number: "Your card number is incomplete.",
      invalid_number: "Your card number is invalid.",
      incomplete_expiry: "Your card's expiration date is incomplete.",
      invalid_expiry: "Your card's expiration date is in the past.",
      incomplete_cvc: "Your card's security code is incomplete.",
      challenge: "Confirm this payment with your bank",
    },
    vi: {
      number: "Số thẻ",
      expiry: "Ngày hết hạn (MM / YY)",
      cvc: "Mã bảo mật (CVC)",
      incomplete_number: "Số thẻ của bạn chưa đầy đủ.",
      invalid_number: "Số thẻ của bạn không hợp lệ.",
      incomplete_expiry: "Ngày hết hạn của thẻ chưa đầy đủ.",
      invalid_expiry: "Thẻ của bạn đã hết hạn.",
      incomplete_cvc: "Mã bảo mật của thẻ chưa đầy đủ.",
      challenge: "Xác nhận thanh toán với ngân hàng của bạn",
    },
  }

  var uid = 0

  function form(params, prefix, out) {
    out = out || []
    Object.keys(params).forEach(function (k) {
      var v = params[k]
      var key = prefix ? prefix + "[" + k + "]" : k
      if (v === undefined || v === null) return
      if (typeof v === "object") form(v, key, out)
      else out.push(encodeURIComponent(key) + "=" + encodeURIComponent(String(v)))
    })
    return out.join("&")
  }

  function intentId(clientSecret) {
    return String(clientSecret).split("_secret_")[0]
  }

  function luhn(digits) {
    var sum = 0
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits[digits.length - 1 - i])
      if (i % 2 === 1) {
        d *= 2
        if (d > 9) d -= 9
      }
      sum += d
    }
    return sum % 10 === 0
  }

  function StripeStandIn(key) {
    if (!(typeof key === "string" && /^pk_test_/.test(key))) throw new Error("Stripe.js stand-in: a pk_test_ publishable key is required")

    function request(method, path, body) {
      return fetch(API + path, {
        method: method,
        headers: { Authorization: "Bearer " + key, "Content-Type": "application/x-www-form-urlencoded" },
        body: body ? form(body) : undefined,
      }).then(function (res) {
        return res.json().then(function (json) {
          return { status: res.status, json: json }
        })
      })
    }

    function retrievePaymentIntent(clientSecret) {
      return request("GET", "/v1/payment_intents/" + intentId(clientSecret) + "?client_secret=" + encodeURIComponent(clientSecret)).then(
        function (r) {
          return r.status === 200 ? { paymentIntent: r.json } : { error: r.json.error }
        }
      )
    }

    /** The challenge modal: the server's 3-D Secure page in an iframe; resolves once the intent left requires_action. */
    function challenge(url, clientSecret, text) {
      return new Promise(function (resolve) {
        var overlay = document.createElement("div")
        overlay.setAttribute("role", "dialog")
        overlay.setAttribute("aria-modal", "true")
        overlay.setAttribute("aria-label", text.challenge)
        overlay.setAttribute("data-testid", "stripe-challenge")
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center"
        var frame = document.createElement("iframe")
        frame.title = text.challenge
        frame.name = "stripe-challenge-frame"
        frame.style.cssText = "width:min(420px,95vw);height:320px;border:0;background:#fff;border-radius:8px"
        var loads = 0
        frame.addEventListener("load", function () {
          loads += 1
          if (loads < 2) return
          retrievePaymentIntent(clientSecret).then(function (r) {
            if (r.paymentIntent && r.paymentIntent.status === "requires_action") return
            overlay.remove()
            resolve(r)
          })
        })
        frame.src = url
        overlay.appendChild(frame)
        document.body.appendChild(overlay)
        frame.focus()
      })
    }

    function outcome(pi, clientSecret, text) {
      if (pi.status === "requires_action" && pi.next_action && pi.next_action.type === "use_stripe_sdk") {
        return challenge(pi.next_action.use_stripe_sdk.stripe_js, clientSecret, text).then(function (r) {
          if (r.error) return r
          if (r.paymentIntent.status === "requires_payment_method") return { error: r.paymentIntent.last_payment_error }
          return r
        })
      }
      if (pi.status === "requires_action" && pi.next_action && pi.next_action.type === "redirect_to_url") {
        window.location.assign(pi.next_action.redirect_to_url.url)
        return new Promise(function () {})
      }
      if (pi.status === "requires_payment_method") return Promise.resolve({ error: pi.last_payment_error })
      return Promise.resolve({ paymentIntent: pi })
    }

    function createElements(options) {
      options = options || {}
      var locale = String(options.locale || document.documentElement.lang || "en").slice(0, 2)
      var text = TEXT[locale] || TEXT.en
      var element = null

      var elements = {
        create: function (type, elementOptions) {
          if (type !== "payment") throw new Error("Stripe.js stand-in: only the Payment Element is available")
          if (element) throw new Error("Can only create one Element of type payment.")
          element = createPaymentElement(text, elementOptions || {})
          return element
        },
        getElement: function (type) {
          return type === "payment" ? element : null
        },
        update: function (next) {
          if (next && next.locale) {
            locale = String(next.locale).slice(0, 2)
            text = TEXT[locale] || TEXT.en
          }
        },
        fetchUpdates: function () {
          return Promise.resolve({})
        },
        submit: function () {
          if (!element) return Promise.resolve({ error: { type: "validation_error", message: "No Payment Element mounted." } })
          var err = element._validate(true)
          return Promise.resolve(err ? { error: err } : {})
        },
        _clientSecret: options.clientSecret,
        _text: function () {
          return text
        },
      }
      return elements
    }

    function createPaymentElement(text, elementOptions) {
      var handlers = {}
      var root = null
      var fields = {}
      var touched = {}
      var n = ++uid
      var self = {
        mount: function (target) {
          root = typeof target === "string" ? document.querySelector(target) : target
          if (!root) throw new Error("Stripe.js stand-in: mount target not found")
          root.innerHTML = ""
          var box = document.createElement("div")
          box.className = "StripeElement StripeElement--payment"
          box.setAttribute("data-testid", "stripe-payment-element")
          ;[
            ["number", text.number, "cc-number", "1234 1234 1234 1234"],
            ["expiry", text.expiry, "cc-exp", "MM / YY"],
            ["cvc", text.cvc, "cc-csc", "CVC"],
          ].forEach(function (f) {
            var id = "stripe-" + n + "-" + f[0]
            var wrap = document.createElement("div")
            wrap.className = "p-Field"
            wrap.style.cssText = "margin-bottom:.75rem"
            var label = document.createElement("label")
            label.htmlFor = id
            label.textContent = f[1]
            label.style.cssText = "display:block;font-weight:600;margin-bottom:.25rem"
            var input = document.createElement("input")
            input.id = id
            input.name = f[0]
            input.type = "text"
            input.inputMode = "numeric"
            input.autocomplete = f[2]
            input.placeholder = f[3]
            input.setAttribute("data-testid", "stripe-" + f[0])
            input.style.cssText = "width:100%;min-height:44px;padding:.5rem;font-size:1rem;border:1px solid #6b6b6b;border-radius:6px"
            var error = document.createElement("p")
            error.id = id + "-error"
            error.setAttribute("role", "alert")
            error.style.cssText = "color:#a4161a;margin:.25rem 0 0;font-size:.9rem"
            error.hidden = true
            input.setAttribute("aria-describedby", error.id)
            input.addEventListener("input", function () {
              emit("change", changeEvent())
            })
            input.addEventListener("blur", function () {
              touched[f[0]] = true
              self._validate(false)
              emit("blur", { elementType: "payment" })
            })
            input.addEventListener("focus", function () {
              emit("focus", { elementType: "payment" })
            })
            input.addEventListener("keydown", function (e) {
              if (e.key === "Escape") emit("escape", { elementType: "payment" })
            })
            fields[f[0]] = { input: input, error: error }
            wrap.appendChild(label)
            wrap.appendChild(input)
            wrap.appendChild(error)
            box.appendChild(wrap)
          })
          root.appendChild(box)
          setTimeout(function () {
            emit("ready", { elementType: "payment" })
          }, 0)
        },
        on: function (event, handler) {
          ;(handlers[event] = handlers[event] || []).push(handler)
          return self
        },
        off: function (event, handler) {
          handlers[event] = (handlers[event] || []).filter(function (h) {
            return h !== handler
          })
          return self
        },
        once: function (event, handler) {
          var wrapped = function (e) {
            self.off(event, wrapped)
            handler(e)
          }
          return self.on(event, wrapped)
        },
        update: function () {},
        focus: function () {
          if (fields.number) fields.number.input.focus()
        },
        blur: function () {
          if (document.activeElement && root && root.contains(document.activeElement)) document.activeElement.blur()
        },
        clear: function () {
          Object.keys(fields).forEach(function (k) {
            fields[k].input.value = ""
          })
        },
        collapse: function () {},
        unmount: function () {
          if (root) root.innerHTML = ""
        },
        destroy: function () {
          self.unmount()
          handlers = {}
        },
        _values: values,
        /** Shows the errors of touched fields (all of them when `all`); returns the first error. */
        _validate: function (all) {
          var errs = problems()
          var first = null
          Object.keys(fields).forEach(function (k) {
            var f = fields[k]
            var code = errs[k]
            var show = code && (all || touched[k])
            f.error.hidden = !show
            f.error.textContent = show ? text[code] : ""
            if (show) f.input.setAttribute("aria-invalid", "true")
            else f.input.removeAttribute("aria-invalid")
            if (code && all && !first) first = { type: "validation_error", code: code, param: k, message: text[code], field: f }
          })
          if (first) {
            first.field.input.focus()
            delete first.field
          }
          return first
        },
      }

      function emit(event, payload) {
        ;(handlers[event] || []).slice().forEach(function (h) {
          h(payload)
        })
      }

      function values() {
        var number = fields.number.input.value.replace(/[\s-]/g, "")
        var exp = fields.expiry.input.value.replace(/\s/g, "").split("/")
        return { number: number, exp_month: exp[0] || "", exp_year: exp[1] || "", cvc: fields.cvc.input.value.trim() }
      }

      function problems() {
        var v = values()
        var out = {}
        if (!/^\d{12,19}$/.test(v.number)) out.number = "incomplete_number"
        else if (!luhn(v.number)) out.number = "invalid_number"
        var month = Number(v.exp_month)
        var year = Number(v.exp_year.length === 2 ? "20" + v.exp_year : v.exp_year)
        var now = new Date()
        if (!/^\d{1,2}$/.test(v.exp_month) || !/^(\d{2}|\d{4})$/.test(v.exp_year) || month < 1 || month > 12) out.expiry = "incomplete_expiry"
        else if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) out.expiry = "invalid_expiry"
        if (!/^\d{3,4}$/.test(v.cvc)) out.cvc = "incomplete_cvc"
        return out
      }

      function changeEvent() {
        var v = values()
        return {
          elementType: "payment",
          empty: !v.number && !v.exp_month && !v.cvc,
          complete: Object.keys(problems()).length === 0,
          collapsed: false,
          value: { type: "card" },
        }
      }

      void elementOptions
      return self
    }

    function confirmPayment(args) {
      var elements = args.elements
      var clientSecret = args.clientSecret || (elements && elements._clientSecret)
      if (!elements || !clientSecret) return Promise.reject(new Error("Stripe.js stand-in: confirmPayment needs elements created with a clientSecret"))
      var element = elements.getElement("payment")
      var invalid = element && element._validate(true)
      if (invalid) return Promise.resolve({ error: invalid })
      var v = element._values()
      var params = args.confirmParams || {}
      var body = {
        client_secret: clientSecret,
        use_stripe_sdk: "true",
        return_url: params.return_url,
        payment_method_data: {
          type: "card",
          card: { number: v.number, exp_month: v.exp_month, exp_year: v.exp_year, cvc: v.cvc },
          billing_details: params.payment_method_data && params.payment_method_data.billing_details,
        },
      }
      return request("POST", "/v1/payment_intents/" + intentId(clientSecret) + "/confirm", body).then(function (r) {
        if (r.status !== 200) return { error: r.json.error }
        if (args.redirect !== "if_required" && (r.json.status === "succeeded" || r.json.status === "requires_capture") && params.return_url) {
          window.location.assign(params.return_url + (params.return_url.indexOf("?") === -1 ? "?" : "&") + "payment_intent=" + r.json.id + "&redirect_status=succeeded")
          return new Promise(function () {})
        }
        return outcome(r.json, clientSecret, elements._text())
      })
    }

    function unsupported() {
      return Promise.resolve({ error: { type: "invalid_request_error", message: "Not implemented by the Stripe.js stand-in." } })
    }

    return {
      elements: createElements,
      confirmPayment: confirmPayment,
      retrievePaymentIntent: retrievePaymentIntent,
      // @stripe/react-stripe-js recognises a Stripe object by these methods.
      createToken: unsupported,
      createPaymentMethod: unsupported,
      confirmCardPayment: unsupported,
      _registerWrapper: function () {},
      registerAppInfo: function () {},
    }
  }

  // The release train @stripe/stripe-js expects (it warns on the console otherwise).
  StripeStandIn.version = "endive"
  window.Stripe = StripeStandIn
})()
