import { createApp } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './styles/main.css'
import App from './app/AppLayout.vue'
import { elementPlus } from './app/elementPlus'
import { router } from './app/router'
import { syncServerClock } from './app/dates'

void syncServerClock().finally(() =>
  createApp(App).use(router).use(elementPlus, { locale: zhCn, size: 'default' }).mount('#app'),
)
