// Documented in overrides/partials/offline-save.html and overrides/main.html (comments cost readers bytes).
;(function(){
var sw=navigator.serviceWorker,script=document.currentScript
if(!sw||!window.caches)return
var root=new URL(script.dataset.root.replace(/\/?$/,"/"),location).href,box=document.querySelector(".guide-offline")
addEventListener("load",function(){
  sw.register(root+"sw.js",{scope:root}).catch(function(){})
  if(!sw.controller)sw.ready.then(function(r){r.active.postMessage({type:"seen",page:location.href,urls:performance.getEntriesByType("resource").map(function(e){return e.name})})})
})
if(!box)return
var d=box.dataset,lang=d.lang,status=box.querySelector("p"),bar=box.querySelector("progress"),button=box.querySelector("button"),asked
function digits(t){return t.replace(/\d/g,function(n){return d.digits[n]})}
function size(b){var k=b/1024;return digits(k<1000?d.kb.replace("{n}",Math.ceil(k)):d.mb.replace("{n}",(k/1024).toFixed(1)))}
function send(m){m.lang=lang;sw.ready.then(function(r){r.active.postMessage(m)})}
function say(t){status.textContent=t}
box.hidden=false
sw.addEventListener("message",function(e){
  var m=e.data||{}
  if(m.lang!==lang)return
  if(m.type==="status"){
    if(m.saved)return say(d.saved)
    fetch(root+"offline.json").then(function(r){return r.json()}).then(function(o){
      var keys={},total=0
      o.shared.concat(o.languages[lang]).forEach(function(k){keys[k]=1})
      for(var k in keys)total+=o.files[k][2]
      say(d.size.replace("{size}",size(total)))
      button.textContent=d.download.replace("{size}",size(total))
      button.hidden=false
    },function(){say(d.failed)})
  }else if(m.type==="progress"){
    bar.hidden=false;bar.max=m.total;bar.value=m.done
    say(d.progress.replace("{done}",size(m.done)).replace("{total}",size(m.total)))
  }else if(m.type==="saved"){
    bar.hidden=true;say(d.saved)
  }else if(m.type==="failed"){
    bar.hidden=true;button.hidden=false;say(d.failed)
  }
})
box.addEventListener("toggle",function(){if(box.open&&!asked){asked=1;send({type:"status"})}})
button.addEventListener("click",function(){button.hidden=true;send({type:"save"})})
})()
